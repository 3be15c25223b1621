"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isTerminalStatus } from "@/lib/imports/status";
import { importFailuresOptions, importKeys } from "@/lib/queries/imports";

/**
 * When the import's status changes to a terminal one, reads the shown page of failures once more,
 * past the server's cache, so the table ends in step with the status above it (a retried file
 * shows SUCCEEDED, not the RETRY seen on the last poll). Other pages seen before are marked
 * stale, to be read again when shown.
 */
export function useFinalFailuresRead(
  importId: string,
  region: string,
  nextToken: string | null,
  status: string,
): void {
  const queryClient = useQueryClient();
  const seen = useRef(status);

  useEffect(() => {
    const before = seen.current;
    seen.current = status;
    if (before === status || !isTerminalStatus(status)) return;
    const final = importFailuresOptions(importId, region, nextToken, { fresh: true });
    void (async () => {
      // A poll still in flight was asked before the end; its answer must not land after this one.
      await queryClient.cancelQueries({ queryKey: final.queryKey, exact: true });
      await queryClient.invalidateQueries({
        queryKey: [...importKeys.detail(importId, region), "failures"],
        refetchType: "none",
      });
      await queryClient.fetchQuery({ ...final, staleTime: 0 }).catch(() => undefined);
    })();
  }, [queryClient, importId, region, nextToken, status]);
}

"use client";

import { type QueryState, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { toast } from "sonner";
import type { ImportListView, ImportView } from "@/lib/cloudtrail/imports-view";
import { retryImportAction } from "@/lib/actions/retry-import";
import { stopImportAction } from "@/lib/actions/stop-import";
import { POLL_MAX_MS, nextPollDelay } from "@/lib/imports/polling";
import { isTerminalStatus } from "@/lib/imports/status";
import {
  type ImportListParams,
  importDetailOptions,
  importFailuresOptions,
  importKeys,
  importListOptions,
} from "@/lib/queries/imports";
import { useFinalFailuresRead } from "./use-final-failures-read";

type Baseline = { dataUpdatedAt: number; errors: number };

/**
 * A `refetchInterval` that polls while `isRunning(data)` holds and backs off on failures
 * (throttling included): react-query resets its own failure count on every fetch, so the
 * consecutive failures since the last success are counted here.
 */
export function usePollInterval<T>(isRunning: (data: T | undefined) => boolean) {
  const baseline = useRef<Baseline>({ dataUpdatedAt: -1, errors: 0 });
  return (query: { state: QueryState<T, Error> }): number | false => {
    const { state } = query;
    if (state.dataUpdatedAt !== baseline.current.dataUpdatedAt) {
      baseline.current = { dataUpdatedAt: state.dataUpdatedAt, errors: state.errorUpdateCount };
    }
    const failing = state.errorUpdatedAt > state.dataUpdatedAt;
    const failures = failing ? state.errorUpdateCount - baseline.current.errors : 0;
    return nextPollDelay({ running: isRunning(state.data), consecutiveFailures: failures });
  };
}

/** One import, polled every couple of seconds until it is terminal (paused in hidden tabs). */
export function useImportQuery(importId: string, region: string) {
  const refetchInterval = usePollInterval<ImportView>(
    (data) => !!data && !isTerminalStatus(data.import.status),
  );
  return useQuery({ ...importDetailOptions(importId, region), staleTime: 0, refetchInterval });
}

/**
 * A screen of the imports list, polled while any of its rows is still running, and every
 * POLL_MAX_MS otherwise: an import started elsewhere (CLI, console, another replica whose cache
 * this one did not see) must still show up without a reload. A Region that could not be listed
 * (its rows are missing) is asked again soon, backing off like a failed refresh.
 */
export function useImportListQuery(params: ImportListParams) {
  const pollWhileRunning = usePollInterval<ImportListView>(
    (data) => !!data && data.rows.some((row) => !isTerminalStatus(row.status)),
  );
  const degraded = useRef({ dataUpdatedAt: -1, count: 0 });
  const refetchInterval = (query: Parameters<typeof pollWhileRunning>[0]) => {
    const { data, dataUpdatedAt } = query.state;
    const seen = degraded.current;
    if (data && data.problems.length > 0) {
      if (dataUpdatedAt !== seen.dataUpdatedAt) {
        degraded.current = { dataUpdatedAt, count: seen.count + 1 };
      }
      return nextPollDelay({ running: true, consecutiveFailures: degraded.current.count });
    }
    degraded.current = { dataUpdatedAt, count: 0 };
    return pollWhileRunning(query) || POLL_MAX_MS;
  };
  return useQuery({ ...importListOptions(params), refetchInterval });
}

/**
 * A page of an import's failures. While the import runs (or has just failed and CloudTrail's
 * failure list has not caught up), it is re-read with the same cadence as the import, and once
 * more past every cache when the import finishes.
 */
export function useImportFailuresQuery(
  importId: string,
  region: string,
  nextToken: string | null,
  status: string,
) {
  const refetchInterval = usePollInterval<{ items: unknown[] }>(
    (data) => !isTerminalStatus(status) || (status === "FAILED" && (data?.items.length ?? 0) === 0),
  );
  useFinalFailuresRead(importId, region, nextToken, status);
  return useQuery({ ...importFailuresOptions(importId, region, nextToken), refetchInterval });
}

/** A refused or failed action, carrying the user-facing message. */
class ActionFailure extends Error {}

type ImportAction = "retry" | "stop";

// What the page shows between the click and CloudTrail's answer.
const OPTIMISTIC_STATUS: Record<ImportAction, ImportView["import"]["status"]> = {
  retry: "INITIALIZING",
  stop: "STOPPED",
};

/**
 * Retry or stop through the server action, with an optimistic status that rolls back on
 * failure, a toast either way, and a refetch of the import and the lists afterwards.
 */
export function useImportActionMutation(importId: string, region: string) {
  const queryClient = useQueryClient();
  const key = importKeys.detail(importId, region);
  return useMutation({
    mutationFn: async (action: ImportAction) => {
      const input = { importId, region };
      const result = await (action === "stop" ? stopImportAction(input) : retryImportAction(input));
      if (!result.ok) throw new ActionFailure(result.error);
      return result;
    },
    onMutate: async (action) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<ImportView>(key);
      if (previous) {
        queryClient.setQueryData<ImportView>(key, {
          ...previous,
          import: { ...previous.import, status: OPTIMISTIC_STATUS[action] },
        });
      }
      return { previous };
    },
    onError: (error, _action, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      toast.error(
        error instanceof ActionFailure
          ? error.message
          : "The request did not go through. Try again.",
      );
    },
    onSuccess: (result) => {
      toast.success(result.message ?? "Done.");
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: importKeys.lists() }),
      ]),
  });
}

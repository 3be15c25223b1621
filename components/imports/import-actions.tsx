"use client";

import { RotateCcwIcon, SquareIcon } from "lucide-react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { useImportActionMutation } from "@/lib/hooks/use-import";
import { shortImportId } from "@/lib/imports/format";
import { canRetry, canStop } from "@/lib/imports/status";

/**
 * Retry (FAILED, STOPPED) and Stop (INITIALIZING, IN_PROGRESS), each behind a confirmation.
 * Rendered for operators only; the server actions refuse everyone else anyway.
 */
export function ImportActions({
  importId,
  status,
  mutation,
}: {
  importId: string;
  status: string;
  mutation: ReturnType<typeof useImportActionMutation>;
}) {
  const name = shortImportId(importId);

  if (canRetry(status)) {
    return (
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button loading={mutation.isPending}>
            <RotateCcwIcon aria-hidden />
            Retry
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Retry import {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              CloudTrail resumes copying where the failures occurred. Only one import can run at a
              time in this account, so a retry is refused while another import runs.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => mutation.mutate("retry")}>
              Retry import
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    );
  }
  if (canStop(status)) {
    return (
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="destructive" loading={mutation.isPending}>
            <SquareIcon aria-hidden />
            Stop
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Stop import {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              Events copied so far stay in the event data store. You can retry the import later to
              continue.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep running</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => mutation.mutate("stop")}>
              Stop import
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    );
  }
  return null;
}

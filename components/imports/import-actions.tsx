"use client";

import { RotateCcwIcon, SquareIcon } from "lucide-react";
import { Suspense, lazy, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { useImportActionMutation } from "@/lib/hooks/use-import";
import { shortImportId } from "@/lib/imports/format";
import { canRetry, canStop } from "@/lib/imports/status";

const loadConfirm = () => import("./confirm-import-action");
const ConfirmImportAction = lazy(() =>
  loadConfirm().then((module) => ({ default: module.ConfirmImportAction })),
);

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
  const [open, setOpen] = useState(false);
  // Stays mounted after the first opening, so closing can animate and hand focus back.
  const [requested, setRequested] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const action = canRetry(status) ? "retry" : canStop(status) ? "stop" : null;
  if (!action) return null;

  return (
    <>
      <Button
        ref={button}
        variant={action === "stop" ? "destructive" : "default"}
        loading={mutation.isPending}
        aria-haspopup="dialog"
        aria-expanded={open}
        // Fetch the dialog's code as the pointer or focus arrives, so the click opens it at once.
        onPointerEnter={() => void loadConfirm()}
        onFocus={() => void loadConfirm()}
        onClick={() => {
          setRequested(true);
          setOpen(true);
        }}
      >
        {action === "stop" ? <SquareIcon aria-hidden /> : <RotateCcwIcon aria-hidden />}
        {action === "stop" ? "Stop" : "Retry"}
      </Button>
      {requested ? (
        <Suspense fallback={null}>
          <ConfirmImportAction
            action={action}
            name={shortImportId(importId)}
            open={open}
            onOpenChange={setOpen}
            onConfirm={() => mutation.mutate(action)}
            returnFocus={button}
          />
        </Suspense>
      ) : null}
    </>
  );
}

"use client";

import type { RefObject } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

const COPY = {
  retry: {
    title: "Retry import",
    description:
      "CloudTrail resumes copying where the failures occurred. Only one import can run at a time in this account, so a retry is refused while another import runs.",
    cancel: "Cancel",
    confirm: "Retry import",
  },
  stop: {
    title: "Stop import",
    description:
      "Events copied so far stay in the event data store. You can retry the import later to continue.",
    cancel: "Keep running",
    confirm: "Stop import",
  },
} as const;

/**
 * The confirmation behind Retry and Stop, loaded only when an operator asks for it: the dialog
 * machinery (focus trap, scroll lock, portal) need not weigh on every detail page's first load.
 * With no Radix trigger, `returnFocus` names the button that opened it.
 */
export function ConfirmImportAction({
  action,
  name,
  open,
  onOpenChange,
  onConfirm,
  returnFocus,
}: {
  action: keyof typeof COPY;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  returnFocus: RefObject<HTMLButtonElement | null>;
}) {
  const copy = COPY[action];
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus.current?.focus();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>
            {copy.title} {name}?
          </AlertDialogTitle>
          <AlertDialogDescription>{copy.description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{copy.cancel}</AlertDialogCancel>
          <AlertDialogAction
            variant={action === "stop" ? "destructive" : undefined}
            onClick={onConfirm}
          >
            {copy.confirm}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { startImportAction } from "@/lib/actions/start-import";
import type { ImportRef } from "@/lib/actions/types";
import { signInPath } from "@/lib/auth/callback-url";
import { postToPortal } from "@/lib/embed/post-to-portal";
import {
  type ImportWizardStepId,
  type WizardValues,
  importWizardStepSchemas,
  isWizardField,
  stepOfField,
} from "@/lib/schemas/import-wizard";

/** The form-level error after pressing Start, with where to act on it. */
export interface SubmitProblem {
  message: string;
  /** The step holding the field to blame, when there is one. */
  step?: ImportWizardStepId;
  ongoingImport?: ImportRef;
  /** Where to sign in again when the session ended. */
  signInHref?: string;
  requestId?: string;
}

/**
 * Presses Start: calls startImportAction once per submission id (the button stays disabled while
 * pending and a ref blocks a second press before React re-renders), then goes to the import with
 * a toast, or puts the mapped errors on their fields and returns a form-level problem.
 */
export function useStartImport({
  form,
  submissionId,
  onNewSubmissionId,
  onStarted,
}: {
  form: UseFormReturn<WizardValues>;
  submissionId: string;
  onNewSubmissionId: () => void;
  onStarted: () => void;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const busy = useRef(false);
  const mutation = useMutation({
    mutationFn: ({
      values,
      overrideFailedChecks,
    }: {
      values: WizardValues;
      overrideFailedChecks: boolean;
    }) =>
      startImportAction({
        ...importWizardStepSchemas.review.parse(values),
        submissionId,
        overrideFailedChecks,
      }),
    onSuccess: (result) => {
      if (result.ok) {
        const { importId, region } = result.data;
        toast.success("Import started", {
          description: `Import ${importId} is starting in ${region}.`,
        });
        onStarted();
        postToPortal({ type: "import-started", importId, region });
        router.push(`/imports/${importId}?region=${encodeURIComponent(region)}`);
        return;
      }
      // A changed and re-sent form is a new submission; the failed one stays answered as is.
      onNewSubmissionId();
      let firstStep: ImportWizardStepId | undefined;
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (!isWizardField(name) || !messages[0]) continue;
        form.setError(name, { type: "server", message: messages[0] });
        firstStep ??= stepOfField(name);
      }
      const { detail } = result;
      setProblem({
        message: result.error,
        ...(firstStep ? { step: firstStep } : {}),
        ...(detail?.ongoingImport ? { ongoingImport: detail.ongoingImport } : {}),
        ...(detail?.requestId ? { requestId: detail.requestId } : {}),
        ...(result.code === "unauthenticated"
          ? { signInHref: signInPath("/imports/new?step=review") }
          : {}),
      });
    },
    // A thrown action is a network failure or a bug; the draft is kept either way.
    onError: () =>
      setProblem({
        message:
          "Trail Imports couldn't reach its server. Check your connection and press Start again.",
      }),
    onSettled: () => {
      busy.current = false;
    },
  });

  /** Starts the import; `overrideFailedChecks` when the person confirmed "Start anyway". */
  function submit(values: WizardValues, overrideFailedChecks = false) {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    mutation.mutate({ values, overrideFailedChecks });
  }

  return { submit, pending: mutation.isPending, problem };
}

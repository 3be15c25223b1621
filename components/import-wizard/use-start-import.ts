"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { startImportAction } from "@/lib/actions/start-import";
import { signInPath } from "@/lib/auth/callback-url";
import { type WizardValues, toImportInput, wizardValuesSchema } from "@/lib/imports/wizard-draft";
import { IMPORT_WIZARD_STEPS, type ImportWizardStepId } from "@/lib/schemas/import";
import type { SubmitProblem } from "./submit-error";
import { postToPortal } from "@/lib/embed/post-to-portal";

const FIELD_NAMES = Object.keys(wizardValuesSchema.shape) as (keyof WizardValues)[];

function isWizardField(name: string): name is keyof WizardValues {
  return (FIELD_NAMES as string[]).includes(name);
}

function stepOfField(field: keyof WizardValues): ImportWizardStepId | undefined {
  return IMPORT_WIZARD_STEPS.find((step) => (step.fields as readonly string[]).includes(field))?.id;
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
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const busy = useRef(false);

  function submit(values: WizardValues) {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    startTransition(async () => {
      try {
        const result = await startImportAction({ ...toImportInput(values), submissionId });
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
        const failure = result.detail;
        let firstStep: ImportWizardStepId | undefined;
        for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (!isWizardField(name) || !messages[0]) continue;
          form.setError(name, { type: "server", message: messages[0] });
          firstStep ??= stepOfField(name);
        }
        setProblem({
          message: result.error,
          ...(firstStep ? { step: firstStep } : {}),
          ...(failure?.ongoingImport ? { ongoingImport: failure.ongoingImport } : {}),
          ...(failure?.requestId ? { requestId: failure.requestId } : {}),
          ...(result.code === "unauthenticated"
            ? { signInHref: signInPath("/imports/new?step=review") }
            : {}),
        });
      } catch {
        // A thrown action is a network failure or a bug; the draft is kept either way.
        setProblem({
          message:
            "Trail Imports couldn't reach its server. Check your connection and press Start again.",
        });
      } finally {
        busy.current = false;
      }
    });
  }

  return { submit, pending, problem };
}

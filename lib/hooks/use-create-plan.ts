"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { createPlanAction } from "@/lib/actions/plans/create-plan";
import { signInPath } from "@/lib/auth/callback-url";
import type { PlanDraft, PlanDraftFormValues } from "@/lib/schemas/plan";

/** Why the plan was not created, with the messages of the fields the server blamed. */
export interface CreatePlanProblem {
  message: string;
  details: string[];
  signInHref?: string;
}

/**
 * Presses "Create plan": calls createPlanAction once per draft (a ref blocks a second press
 * before React re-renders), then opens the new plan, or keeps the draft and says what to fix.
 */
export function useCreatePlan({
  form,
  submissionId,
  onCreated,
}: {
  form: UseFormReturn<PlanDraftFormValues, unknown, PlanDraft>;
  submissionId: string;
  onCreated: () => void;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<CreatePlanProblem | null>(null);
  const busy = useRef(false);
  const mutation = useMutation({
    mutationFn: (draft: PlanDraft) => createPlanAction({ ...draft, submissionId }),
    onSuccess: (result) => {
      if (result.ok) {
        toast.success("Plan created", {
          description: `${result.data.chunks} chunks will be imported one at a time.`,
        });
        onCreated();
        router.push(`/plans/${result.data.planId}`);
        return;
      }
      const details: string[] = [];
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (name === "destination" && messages[0])
          form.setError("destination", { type: "server", message: messages[0] });
        details.push(...messages);
      }
      setProblem({
        message: result.error,
        details,
        ...(result.code === "unauthenticated"
          ? { signInHref: signInPath("/plans/new?step=review") }
          : {}),
      });
    },
    onError: () =>
      setProblem({
        message:
          "Trail Imports couldn't reach its server. Check your connection and press Create plan again; the draft is kept.",
        details: [],
      }),
    onSettled: () => {
      busy.current = false;
    },
  });

  function submit(draft: PlanDraft) {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    mutation.mutate(draft);
  }

  return { submit, pending: mutation.isPending, problem };
}

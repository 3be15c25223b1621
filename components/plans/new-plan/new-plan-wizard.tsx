"use client";

// First: zod must be in jitless mode before the schemas below are built (see the module).
import "@/lib/security/zod-jitless";
import { zodResolver } from "@hookform/resolvers/zod";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type FieldErrors, FormProvider, useForm } from "react-hook-form";
import { DestinationStep, type StoresLoad } from "@/components/import-wizard/destination-step";
import { WizardSkeleton } from "@/components/import-wizard/wizard-skeleton";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCreatePlan } from "@/lib/hooks/use-create-plan";
import { usePlanDraft } from "@/lib/hooks/use-plan-draft";
import {
  PLAN_STEPS,
  PLAN_STEP_FIELDS,
  type PlanDraftState,
  type PlanStepId,
  clampPlanStep,
  markPlanStep,
  nextPlanStep,
  planFormValuesSchema,
  previousPlanStep,
} from "@/lib/plans/plan-draft";
import { type PlanDraft, type PlanDraftFormValues, planDraftSchema } from "@/lib/schemas/plan";
import { PlanStepNav } from "./plan-step-nav";
import { PlanReviewStep } from "./review-step";
import { RangeStep } from "./range-step";
import { SourcesStep } from "./sources-step";

/** Every message in react-hook-form's nested errors, each once. */
function errorMessages(errors: FieldErrors): string[] {
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "ref") continue;
      if (key === "message" && typeof value === "string") out.add(value);
      else walk(value);
    }
  };
  walk(errors);
  return [...out];
}

/** Changes `?step=` without a server round trip (the store list does not depend on the step). */
function showStep(step: PlanStepId, mode: "push" | "replace" = "push"): void {
  const url = `?step=${step}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

export interface PlanPrefill {
  destination?: string;
  range?: { from: string; to: string };
}

/**
 * The new-plan wizard. The draft lives in sessionStorage, so a reload or a sign-in round trip
 * loses nothing; a coverage gap link's store and days are written into it once, first.
 */
export function NewPlanWizard({ load, prefill }: { load: StoresLoad; prefill: PlanPrefill }) {
  const { draft, update, clear } = usePlanDraft();
  // Next keeps useSearchParams in step with history.replaceState, so once the link's parameters
  // are written into the draft and dropped from the URL, the form renders from the draft.
  const params = useSearchParams();
  const unapplied = ["store", "from", "to"].some((key) => params.has(key));

  useEffect(() => {
    if (!draft || !unapplied) return;
    update({
      values: {
        ...draft.values,
        ...(prefill.destination ? { destination: prefill.destination } : {}),
        ...(prefill.range ? { range: prefill.range } : {}),
      },
      completed: [],
    });
    // Written once: a reload must not overwrite what the person changed since.
    showStep("destination", "replace");
  }, [draft, prefill, unapplied, update]);

  if (!draft || unapplied) return <WizardSkeleton />;
  return <PlanForm load={load} draft={draft} update={update} clear={clear} />;
}

function PlanForm({
  load,
  draft,
  update,
  clear,
}: {
  load: StoresLoad;
  draft: PlanDraftState;
  update: (patch: Partial<PlanDraftState>) => void;
  clear: () => void;
}) {
  const requested = useSearchParams().get("step");
  const step = clampPlanStep(requested ?? undefined, draft.completed);
  const form = useForm<PlanDraftFormValues, unknown, PlanDraft>({
    defaultValues: draft.values,
    resolver: zodResolver(planDraftSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: true,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(step);
  const [leaving, setLeaving] = useState(false);
  // Errors on fields of earlier steps, listed on the review step where those fields aren't shown.
  const [invalid, setInvalid] = useState<string[]>([]);
  const submissionId = draft.submissionId;

  useEffect(() => {
    if (!leaving && requested !== null && requested !== step) showStep(step, "replace");
  }, [leaving, requested, step]);

  useEffect(() => {
    if (!leaving && !submissionId) update({ submissionId: crypto.randomUUID() });
  }, [leaving, submissionId, update]);

  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => update({ values: planFormValuesSchema.parse(values) }),
    });
  }, [form, update]);

  useEffect(() => {
    if (firstStep.current === step) return;
    firstStep.current = step;
    heading.current?.focus();
  }, [step]);

  const { submit, pending, problem } = useCreatePlan({
    form,
    submissionId: submissionId ?? "",
    onCreated: () => {
      setLeaving(true);
      clear();
    },
  });

  if (leaving) {
    return (
      <p role="status" className="text-sm">
        Plan created. Opening it…
      </p>
    );
  }

  const store = load.stores.find((s) => s.arn === draft.values.destination.trim());
  const back = previousPlanStep(step);
  const index = PLAN_STEPS.findIndex((s) => s.id === step);

  async function onContinue() {
    const fields = PLAN_STEP_FIELDS[step];
    if (!(await form.trigger([...fields], { shouldFocus: true }))) return;
    update({ completed: markPlanStep(draft.completed, step) });
    const next = nextPlanStep(step);
    if (next) showStep(next);
  }

  const onCreate = form.handleSubmit(
    (values) => {
      setInvalid([]);
      submit(values);
    },
    (errors) => setInvalid(errorMessages(errors)),
  );

  return (
    <FormProvider {...form}>
      <div className="space-y-6">
        <PlanStepNav current={step} completed={draft.completed} />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (step === "review") void onCreate(event);
            else void onContinue();
          }}
          className="space-y-6"
          aria-labelledby="plan-step-heading"
        >
          <h2
            id="plan-step-heading"
            ref={heading}
            tabIndex={-1}
            className="text-xl font-semibold outline-hidden"
          >
            Step {index + 1} of {PLAN_STEPS.length}: {PLAN_STEPS[index]?.title}
          </h2>
          {step === "destination" ? (
            <DestinationStep
              load={load}
              mode={draft.destinationMode}
              onModeChange={(destinationMode) => update({ destinationMode })}
            />
          ) : null}
          {step === "sources" ? <SourcesStep /> : null}
          {step === "range" ? <RangeStep /> : null}
          {step === "review" ? <PlanReviewStep store={store} /> : null}
          {step === "review" && invalid.length > 0 ? (
            <Alert variant="destructive">
              <AlertTitle>Some fields need attention</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {invalid.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
                <p>Go back to the step that holds them; the draft is kept.</p>
              </AlertDescription>
            </Alert>
          ) : null}
          {step === "review" && problem ? (
            <Alert variant="destructive">
              <AlertTitle>The plan was not created</AlertTitle>
              <AlertDescription>
                <p>{problem.message}</p>
                {problem.details.map((detail) => (
                  <p key={detail}>{detail}</p>
                ))}
                {problem.signInHref ? (
                  <p>
                    <a className="underline underline-offset-4" href={problem.signInHref}>
                      Sign in again
                    </a>{" "}
                    (the draft is kept).
                  </p>
                ) : null}
              </AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-3 border-t pt-4">
            {back ? (
              <Button type="button" variant="outline" onClick={() => showStep(back)}>
                Back
              </Button>
            ) : null}
            {step === "review" ? (
              <Button type="submit" loading={pending} disabled={!submissionId}>
                Create plan
              </Button>
            ) : (
              <Button type="submit">Continue</Button>
            )}
          </div>
        </form>
      </div>
    </FormProvider>
  );
}

"use client";

// First: zod must be in jitless mode before the schemas below are built (see the module).
import "@/lib/security/zod-jitless";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm } from "react-hook-form";
import { StepChecks, type StartGate } from "@/components/preflight/step-checks";
import { Button } from "@/components/ui/button";
import { useStartImport } from "@/lib/hooks/use-start-import";
import { useWizardDraft } from "@/lib/hooks/use-wizard-draft";
import {
  type WizardDraft,
  clampStep,
  completedPrefix,
  furthestAllowedStep,
  markCompleted,
  nextStep,
  previousStep,
  wizardValuesSchema,
} from "@/lib/imports/wizard-draft";
import {
  IMPORT_WIZARD_STEP_IDS,
  type ImportWizardStepId,
  type WizardValues,
  importWizardStepSchemas,
  wizardStep,
} from "@/lib/schemas/import-wizard";
import { DestinationStep, type StoresLoad } from "./destination-step";
import { DatesStep, ReviewStep, RoleStep, SourceStep } from "./lazy-steps";
import { StartAnyway } from "./start-anyway";
import { StepNav } from "./step-nav";
import { SubmitError } from "./submit-error";
import { WizardSkeleton } from "./wizard-skeleton";

/**
 * Changes `?step=` without a server round trip: Next keeps useSearchParams in sync with native
 * history calls, and the page's server data (the store list) doesn't depend on the step.
 */
function showStep(step: ImportWizardStepId, mode: "push" | "replace" = "push"): void {
  const url = `?step=${step}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/** The new-import wizard: reads the draft from sessionStorage first, then shows the step in `?step=`. */
export function NewImportWizard({ load }: { load: StoresLoad }) {
  const { draft, update, clear } = useWizardDraft();
  if (!draft) return <WizardSkeleton />;
  return <WizardForm load={load} draft={draft} update={update} clear={clear} />;
}

interface WizardFormProps {
  load: StoresLoad;
  draft: WizardDraft;
  update: (patch: Partial<WizardDraft>) => void;
  clear: () => void;
}

function WizardForm({ load, draft, update, clear }: WizardFormProps) {
  const requested = useSearchParams().get("step");
  const completed = completedPrefix(draft.completed);
  const step = clampStep(requested ?? undefined, completed);
  const form = useForm<WizardValues>({
    defaultValues: draft.values,
    // Only this step's fields are checked; `raw` keeps the typed text as the submitted values.
    resolver: zodResolver(importWizardStepSchemas[step], undefined, { raw: true }),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: true,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(step);
  const submissionId = draft.submissionId;
  // Set once the import has started: the draft is cleared, so the clamp must not pull the URL back.
  const [leaving, setLeaving] = useState(false);
  // The review loads lazily: starting before it is on screen would start an unreviewed import.
  const [reviewRendered, setReviewRendered] = useState(false);
  // Failed checks don't lock Start: the person confirms "Start anyway" (checked while it is shown).
  const [gate, setGate] = useState<StartGate>({ state: "checking" });
  const [startAnyway, setStartAnyway] = useState(false);
  // A confirmation belongs to the failures it was given for: a new answer takes it back.
  const [confirmedGate, setConfirmedGate] = useState(gate);
  if (confirmedGate !== gate) {
    setConfirmedGate(gate);
    setStartAnyway(false);
  }
  const startBlocked =
    !reviewRendered || gate.state === "checking" || (gate.state === "failed" && !startAnyway);

  useEffect(() => {
    if (!leaving && requested !== null && requested !== step) showStep(step, "replace");
  }, [leaving, requested, step]);

  useEffect(() => {
    if (!leaving && !submissionId) update({ submissionId: crypto.randomUUID() });
  }, [leaving, submissionId, update]);

  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => update({ values: wizardValuesSchema.parse(values) }),
    });
  }, [form, update]);

  // Move focus to the new step's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstStep.current === step) return;
    firstStep.current = step;
    heading.current?.focus();
    form.reset(undefined, {
      keepValues: true,
      keepDirty: true,
      keepDefaultValues: true,
      keepErrors: true,
    });
  }, [step, form]);

  const { submit, pending, problem } = useStartImport({
    form,
    submissionId: submissionId ?? "",
    onNewSubmissionId: () => update({ submissionId: crypto.randomUUID() }),
    onStarted: () => {
      setLeaving(true);
      clear();
    },
  });

  if (leaving) {
    return (
      <p role="status" className="text-sm">
        Import started. Opening it…
      </p>
    );
  }

  const info = wizardStep(step);
  const store = load.stores.find((s) => s.arn === draft.values.destination.trim());
  const back = previousStep(step);

  const onValid = form.handleSubmit((submitted) => {
    // Unchecked radio groups read as null; the schema turns anything odd into "".
    const values = wizardValuesSchema.parse(submitted);
    update({ values, completed: markCompleted(completed, step) });
    if (step === "review") {
      if (!startBlocked) submit(values, gate.state === "failed");
      return;
    }
    const next = nextStep(step);
    if (next) showStep(next);
  });

  return (
    <FormProvider {...form}>
      <div className="space-y-6">
        <StepNav current={step} allowed={furthestAllowedStep(completed)} completed={completed} />
        <form
          noValidate
          onSubmit={(event) => void onValid(event)}
          className="space-y-6"
          aria-labelledby="wizard-step-heading"
        >
          <h2
            id="wizard-step-heading"
            ref={heading}
            tabIndex={-1}
            className="text-xl font-semibold outline-hidden"
          >
            Step {IMPORT_WIZARD_STEP_IDS.indexOf(step) + 1} of {IMPORT_WIZARD_STEP_IDS.length}:{" "}
            {info.title}
          </h2>
          {step === "destination" ? (
            <DestinationStep
              load={load}
              mode={draft.destinationMode}
              onModeChange={(destinationMode) => update({ destinationMode })}
            />
          ) : null}
          {step === "source" ? <SourceStep /> : null}
          {step === "role" ? (
            <RoleStep
              store={store}
              kms={{ sourceUsesKms: draft.sourceUsesKms, sourceKmsKeyArn: draft.sourceKmsKeyArn }}
              onKmsChange={(kms) => update(kms)}
            />
          ) : null}
          {step === "dates" ? <DatesStep store={store} /> : null}
          {step === "review" ? (
            <ReviewStep store={store} onRendered={setReviewRendered} onGate={setGate} />
          ) : (
            <StepChecks step={step} />
          )}
          {step === "review" && problem ? <SubmitError problem={problem} /> : null}
          {step === "review" && gate.state === "failed" ? (
            <StartAnyway failures={gate.failures} checked={startAnyway} onChange={setStartAnyway} />
          ) : null}
          <div className="flex flex-wrap gap-3 border-t pt-4">
            {back ? (
              <Button type="button" variant="outline" onClick={() => showStep(back)}>
                Back
              </Button>
            ) : null}
            {step === "review" ? (
              <Button
                type="submit"
                loading={pending}
                disabled={!submissionId || startBlocked}
                aria-describedby={gate.state === "failed" ? "start-anyway-note" : undefined}
              >
                Start import
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

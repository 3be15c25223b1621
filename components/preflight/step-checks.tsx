"use client";

import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { usePreflight } from "@/lib/hooks/use-preflight";
import { wizardValuesSchema } from "@/lib/imports/wizard-draft";
import { preflightQueryFor } from "@/lib/queries/preflight";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import type { PreflightStep } from "@/lib/schemas/preflight";
import { PreflightPanel } from "./preflight-panel";

/** What the preflight says about pressing Start: wait, go, or ask for "Start anyway". */
export type StartGate =
  | { state: "checking" }
  | { state: "clear" }
  | { state: "failed"; failures: number }
  /** The checks couldn't run; Start stays possible, CloudTrail has the last word. */
  | { state: "unavailable" };

const WAITING: Record<PreflightStep, string> = {
  destination: "Choose a store to check it.",
  source: "Enter the S3 URI and the bucket's Region to check the source.",
  role: "Enter the role ARN to check its trust and permissions.",
  dates: "The checks of the time range run once the dates are valid.",
  review: "",
};

/**
 * The checks of one wizard step, run as soon as the step's fields are valid and again (debounced)
 * whenever they change. On review, `onGate` tells the wizard whether Start needs "Start anyway".
 */
export function StepChecks({
  step,
  onGate,
}: {
  step: PreflightStep;
  onGate?: (gate: StartGate) => void;
}) {
  const { control } = useFormContext<WizardValues>();
  const values = wizardValuesSchema.parse(useWatch({ control }));
  const preflight = usePreflight(preflightQueryFor(step, values));
  const { data, error, pending, enabled } = preflight;
  const failures = data?.summary.counts.failure ?? 0;
  const state: StartGate["state"] = !enabled
    ? "unavailable"
    : pending
      ? "checking"
      : error || !data
        ? "unavailable"
        : data.summary.needsStartAnyway
          ? "failed"
          : "clear";

  useEffect(() => {
    onGate?.(state === "failed" ? { state, failures } : { state });
  }, [onGate, state, failures]);
  useEffect(() => () => onGate?.({ state: "checking" }), [onGate]);

  return <PreflightPanel preflight={preflight} waitingText={WAITING[step]} />;
}

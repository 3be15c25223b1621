// The new-import wizard's draft: what sessionStorage keeps between reloads and sign-in round
// trips, which steps are done, and the UTC date-time conversions. Pure: no browser APIs here.
import { z } from "zod";
import {
  IMPORT_WIZARD_STEP_IDS as STEP_IDS,
  type ImportWizardStepId,
  type WizardValues,
  importWizardStepIdSchema,
  toUtcInstant,
} from "@/lib/schemas/import-wizard";

/** sessionStorage key; per tab, so two tabs can prepare two different imports. */
export const WIZARD_DRAFT_KEY = "trail-imports:new-import-draft:v1";

const text = z.string().max(2048).catch("");

/** The form's values as stored: anything damaged or missing reads as an empty field. */
export const wizardValuesSchema: z.ZodType<WizardValues, unknown> = z.object({
  destination: text.default(""),
  s3Uri: text.default(""),
  bucketRegion: text.default(""),
  roleArn: text.default(""),
  startTime: text.default(""),
  endTime: text.default(""),
});

/** Everything the draft remembers. Unknown or damaged parts fall back to defaults. */
export const wizardDraftSchema = z.object({
  values: wizardValuesSchema.catch(wizardValuesSchema.parse({})),
  completed: z.array(importWizardStepIdSchema).catch([]).default([]),
  destinationMode: z.enum(["list", "manual"]).catch("list").default("list"),
  /** The key that encrypts the log objects (SSE-KMS), for the generated policies. */
  sourceKmsKeyArn: text.default(""),
  sourceUsesKms: z.boolean().catch(false).default(false),
  submissionId: z.uuid().optional().catch(undefined),
});
export type WizardDraft = z.output<typeof wizardDraftSchema>;

/** A blank draft. */
export function emptyWizardDraft(): WizardDraft {
  return wizardDraftSchema.parse({});
}

/** Reads a stored draft; anything unreadable gives a blank draft rather than an error. */
export function parseWizardDraft(raw: string | null): WizardDraft {
  if (!raw) return emptyWizardDraft();
  try {
    const parsed = wizardDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyWizardDraft();
  } catch {
    return emptyWizardDraft();
  }
}

/** The furthest step someone may open: the first one not completed (steps are done in order). */
export function furthestAllowedStep(completed: readonly ImportWizardStepId[]): ImportWizardStepId {
  const done = new Set(completed);
  const first = STEP_IDS.find((id) => !done.has(id));
  return first ?? STEP_IDS[STEP_IDS.length - 1] ?? "review";
}

/** Position of a step, 0-based. */
export function stepIndex(step: ImportWizardStepId): number {
  return STEP_IDS.indexOf(step);
}

/**
 * The step to show for a requested `?step=`: unknown values open the first step, and steps
 * beyond the furthest allowed one are clamped back to it, so deep links can't skip ahead.
 */
export function clampStep(
  requested: unknown,
  completed: readonly ImportWizardStepId[],
): ImportWizardStepId {
  const allowed = furthestAllowedStep(completed);
  const parsed = importWizardStepIdSchema.safeParse(requested);
  const wanted = parsed.success ? parsed.data : "destination";
  return stepIndex(wanted) > stepIndex(allowed) ? allowed : wanted;
}

/** The step after `step`, or `null` on the last one. */
export function nextStep(step: ImportWizardStepId): ImportWizardStepId | null {
  return STEP_IDS[stepIndex(step) + 1] ?? null;
}

/** The step before `step`, or `null` on the first one. */
export function previousStep(step: ImportWizardStepId): ImportWizardStepId | null {
  const index = stepIndex(step);
  return index > 0 ? (STEP_IDS[index - 1] ?? null) : null;
}

/** `completed` plus `step`, in step order. */
export function markCompleted(
  completed: readonly ImportWizardStepId[],
  step: ImportWizardStepId,
): ImportWizardStepId[] {
  const done = new Set([...completed, step]);
  return STEP_IDS.filter((id) => done.has(id));
}

/**
 * Steps stay completed only up to the first one that isn't, so editing an early step never
 * leaves a later "completed" step unreachable through the clamp.
 */
export function completedPrefix(completed: readonly ImportWizardStepId[]): ImportWizardStepId[] {
  const done = new Set(completed);
  const out: ImportWizardStepId[] = [];
  for (const id of STEP_IDS) {
    if (!done.has(id)) break;
    out.push(id);
  }
  return out;
}

/** A date as a `datetime-local` value in UTC, to the minute (`2026-01-31T13:05`). */
export function toUtcInputValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** Relative presets the dates step offers. */
export const RELATIVE_PRESETS = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
] as const;

/** The range "last `days` days" as input values: from `days` × 24 h ago to now, to the minute. */
export function relativeRange(
  days: number,
  now: Date = new Date(),
): { startTime: string; endTime: string } {
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = new Date(end.getTime() - days * 24 * 60 * 60 * 1000);
  return { startTime: toUtcInputValue(start), endTime: toUtcInputValue(end) };
}

/**
 * The oldest instant the store keeps when `startTime` (an input value) is older than that,
 * else `null`. CloudTrail copies only events whose time falls inside the store's retention period.
 */
export function retentionCutoff(
  startTime: string,
  retentionDays: number | undefined,
  now: Date = new Date(),
): Date | null {
  if (!retentionDays) return null;
  const instant = toUtcInstant(startTime);
  if (!instant) return null;
  const start = new Date(instant);
  if (Number.isNaN(start.getTime())) return null;
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return start.getTime() < cutoff.getTime() ? cutoff : null;
}

/** The form's values as the schemas and the action take them: dates zoned, empty dates left out. */
export function toImportInput(values: WizardValues): {
  destination: string;
  s3Uri: string;
  bucketRegion: string;
  roleArn: string;
  startTime?: string;
  endTime?: string;
} {
  const startTime = toUtcInstant(values.startTime);
  const endTime = toUtcInstant(values.endTime);
  return {
    destination: values.destination.trim(),
    s3Uri: values.s3Uri.trim(),
    bucketRegion: values.bucketRegion,
    roleArn: values.roleArn.trim(),
    ...(startTime ? { startTime } : {}),
    ...(endTime ? { endTime } : {}),
  };
}

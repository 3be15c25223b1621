// The new-plan form's draft: what sessionStorage keeps between reloads, which steps are done, the
// day-range presets and the pre-fill from a coverage gap link. Pure: no browser APIs here.
import { z } from "zod";
import {
  DEFAULT_MAX_RETRIES,
  type PlanDraftFormValues,
  formatUtcDay,
  parseUtcDay,
} from "@/lib/schemas/plan";
import { eventDataStoreArnSchema } from "@/lib/schemas/import";
import { DAY_MS } from "./ranges";

/** sessionStorage key; per tab, so two tabs can prepare two different plans. */
export const PLAN_DRAFT_KEY = "trail-imports:new-plan-draft:v1";

export const PLAN_STEPS = [
  { id: "destination", title: "Destination" },
  { id: "sources", title: "Sources" },
  { id: "range", title: "Range and chunks" },
  { id: "review", title: "Review" },
] as const;
export type PlanStepId = (typeof PLAN_STEPS)[number]["id"];
const planStepIdSchema = z.enum(PLAN_STEPS.map((s) => s.id) as [PlanStepId, ...PlanStepId[]]);

/** The form fields each step checks before moving on (review checks everything). */
export const PLAN_STEP_FIELDS: Record<
  PlanStepId,
  readonly ("destination" | "sources" | "range" | "chunkSize" | "maxRetries")[]
> = {
  destination: ["destination"],
  sources: ["sources"],
  range: ["range", "chunkSize", "maxRetries"],
  review: [],
};

const text = z.string().max(2048).catch("");

/** An empty source as the form shows it. */
export function emptySource(): PlanDraftFormValues["sources"][number] {
  return { s3Uri: "", bucketRegion: "", roleArn: "" };
}

const storedSource = z.object({
  s3Uri: text.default(""),
  bucketRegion: text.default(""),
  roleArn: text.default(""),
  organization: z
    .object({
      organizationId: text.default(""),
      accountIds: z.array(z.string().max(64)).max(1000).catch([]).default([]),
    })
    .optional()
    .catch(undefined),
});

/** The form's values as stored: anything damaged or missing reads as an empty field. */
export const planFormValuesSchema: z.ZodType<PlanDraftFormValues, unknown> = z.object({
  destination: text.default(""),
  sources: z.array(storedSource).min(1).max(50).catch([emptySource()]).default([emptySource()]),
  range: z
    .object({ from: text.default(""), to: text.default("") })
    .catch({ from: "", to: "" })
    .default({ from: "", to: "" }),
  chunkSize: z.enum(["day", "week", "month", "whole"]).catch("month").default("month"),
  maxRetries: z
    .union([z.number(), z.string().max(8)])
    .catch(DEFAULT_MAX_RETRIES)
    .default(DEFAULT_MAX_RETRIES),
});

export const planDraftStateSchema = z.object({
  values: planFormValuesSchema.catch(planFormValuesSchema.parse({})),
  completed: z.array(planStepIdSchema).catch([]).default([]),
  destinationMode: z.enum(["list", "manual"]).catch("list").default("list"),
  /** Made once per draft; the action derives chunk keys from it, so a double submit adds nothing. */
  submissionId: z.uuid().optional().catch(undefined),
});
export type PlanDraftState = z.output<typeof planDraftStateSchema>;

/** Reads a stored draft; anything unreadable gives a blank draft rather than an error. */
export function parsePlanDraft(raw: string | null): PlanDraftState {
  const blank = planDraftStateSchema.parse({});
  if (!raw) return blank;
  try {
    const parsed = planDraftStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : blank;
  } catch {
    return blank;
  }
}

function stepIndex(step: PlanStepId): number {
  return PLAN_STEPS.findIndex((s) => s.id === step);
}

/** The step to show for `?step=`: unknown opens the first, and nobody skips past an unfinished step. */
export function clampPlanStep(requested: unknown, completed: readonly PlanStepId[]): PlanStepId {
  const done = new Set(completed);
  const allowed = PLAN_STEPS.find((s) => !done.has(s.id))?.id ?? "review";
  const parsed = planStepIdSchema.safeParse(requested);
  const wanted = parsed.success ? parsed.data : "destination";
  return stepIndex(wanted) > stepIndex(allowed) ? allowed : wanted;
}

export function nextPlanStep(step: PlanStepId): PlanStepId | null {
  return PLAN_STEPS[stepIndex(step) + 1]?.id ?? null;
}

export function previousPlanStep(step: PlanStepId): PlanStepId | null {
  return stepIndex(step) > 0 ? (PLAN_STEPS[stepIndex(step) - 1]?.id ?? null) : null;
}

/** `completed` plus `step`, kept only up to the first step not done. */
export function markPlanStep(completed: readonly PlanStepId[], step: PlanStepId): PlanStepId[] {
  const done = new Set([...completed, step]);
  const out: PlanStepId[] = [];
  for (const { id } of PLAN_STEPS) {
    if (!done.has(id)) break;
    out.push(id);
  }
  return out;
}

/** The last day a plan may cover: yesterday (UTC), since today's logs are still arriving. */
export function lastPlannableDay(now: Date): string {
  return formatUtcDay(Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS);
}

export const RANGE_PRESETS = [
  { id: "30d", label: "Last 30 days" },
  { id: "90d", label: "Last 90 days" },
  { id: "12m", label: "Last 12 months" },
  { id: "year", label: "Last calendar year" },
] as const;
export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];

/** A preset's inclusive UTC day range, ending yesterday (or at the end of last year). */
export function presetRange(id: RangePresetId, now: Date): { from: string; to: string } {
  const to = lastPlannableDay(now);
  const end = parseUtcDay(to) ?? 0;
  if (id === "year") {
    const year = now.getUTCFullYear() - 1;
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (id === "12m") {
    const last = new Date(end);
    const from = Date.UTC(last.getUTCFullYear() - 1, last.getUTCMonth(), last.getUTCDate() + 1);
    return { from: formatUtcDay(from), to };
  }
  const days = id === "30d" ? 30 : 90;
  return { from: formatUtcDay(end - (days - 1) * DAY_MS), to };
}

/** The coverage page's gap link `?store=&from=&to=`, kept only where each part is valid. */
export function planPrefill(params: {
  store?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): { destination?: string; range?: { from: string; to: string } } {
  const store = eventDataStoreArnSchema.safeParse(params.store);
  const from = params.from && parseUtcDay(params.from) !== null ? params.from : undefined;
  const to = params.to && parseUtcDay(params.to) !== null ? params.to : undefined;
  return {
    ...(store.success ? { destination: store.data } : {}),
    ...(from && to ? { range: { from, to } } : {}),
  };
}

/** Twelve-digit account ids anywhere in pasted text (a console list, CSV, JSON), each once. */
export function accountIdsIn(text: string): string[] {
  return [...new Set(text.match(/(?<!\d)\d{12}(?!\d)/g) ?? [])];
}

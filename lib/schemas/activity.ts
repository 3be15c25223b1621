// The activity domain: what the app records about each attempt, and the filters of the activity page and
// its CSV export. No "server-only": the filter form's options come from here too.
import { z } from "zod";

/** Actions recorded today; the column is free text so later ones (plans) need no migration. */
export const ACTIVITY_ACTIONS = [
  "start",
  "retry",
  "stop",
  "refusal",
  "sign-in",
  "sign-out",
  "ticket-issue",
  "ticket-redeem",
] as const;
export const ACTIVITY_OUTCOMES = ["ok", "refused", "failed"] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

const actionName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, "must be a lower-case verb such as start or sign-in");
const short = (max: number) => z.string().trim().min(1).max(max);

const timeRangeSchema = z.object({
  start: z.string().max(40).optional(),
  end: z.string().max(40).optional(),
});

/** One entry as the app appends it. Emails are stored lower-case so the person filter is exact. */
export const activityInputSchema = z.object({
  actorEmail: z.string().trim().toLowerCase().max(320).optional(),
  actorRole: short(40).optional(),
  action: actionName,
  outcome: z.enum(ACTIVITY_OUTCOMES),
  errorCode: short(100).optional(),
  errorMessage: z.string().max(2_000).optional(),
  storeArn: short(2_048).optional(),
  importId: short(64).optional(),
  roleArn: short(2_048).optional(),
  s3Uri: short(2_048).optional(),
  region: short(32).optional(),
  timeRange: timeRangeSchema.optional(),
  awsRequestId: short(128).optional(),
  clientAddress: short(64).optional(),
  requestId: short(128).optional(),
  occurredAt: z.date().optional(),
});
export type ActivityInput = z.input<typeof activityInputSchema>;

// Reading back is lenient field by field: a row written by an older or newer version renders with the
// fields it has rather than breaking the page.
const text = z.string().nullable().catch(null);

/** One entry as the activity page and the export read it. */
export const activityEntrySchema = z.object({
  id: z.string().catch("unknown"),
  occurredAt: z.date().catch(new Date(0)),
  actorEmail: text,
  actorRole: text,
  action: z.string().catch("unknown"),
  outcome: z.string().catch("unknown"),
  errorCode: text,
  errorMessage: text,
  storeArn: text,
  importId: text,
  roleArn: text,
  s3Uri: text,
  region: text,
  timeRange: timeRangeSchema.nullable().catch(null),
  awsRequestId: text,
  clientAddress: text,
  requestId: text,
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

// `<input type="datetime-local">` sends "2026-01-31T09:30" with no zone; the page labels it UTC and so
// does this parser. A zone in the value is refused so the two can never disagree.
const UTC_INPUT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?$/;

function utcInstant(value: string): Date | undefined {
  const match = UTC_INPUT.exec(value);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2] ?? "00:00"}:${match[3] ?? "00"}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const utcField = z.string().transform((value, ctx) => {
  const date = utcInstant(value);
  if (date) return date;
  ctx.addIssue({ code: "custom", message: "must be a UTC date and time such as 2026-01-31T09:30" });
  return z.NEVER;
});

/** The filters as they appear in the URL (`?person=&action=&outcome=&from=&to=&import=`). */
export const activityFiltersSchema = z.object({
  person: z.string().trim().toLowerCase().min(1).max(320).optional(),
  action: actionName.optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES).optional(),
  from: utcField.optional(),
  to: utcField.optional(),
  import: z.string().trim().min(1).max(64).optional(),
});
export type ActivityFilters = z.output<typeof activityFiltersSchema>;

const FILTER_KEYS = ["person", "action", "outcome", "from", "to", "import"] as const;

/**
 * Reads the filters from search params, dropping (and naming) any that do not parse, so a hand-edited URL
 * still shows a page. `to` includes its whole minute.
 */
export function parseActivityFilters(raw: Record<string, string | string[] | undefined>): {
  filters: ActivityFilters;
  invalid: string[];
} {
  const filters: ActivityFilters = {};
  const invalid: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = raw[key];
    if (typeof value !== "string" || value.trim() === "") continue;
    const parsed = activityFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else invalid.push(key);
  }
  return { filters, invalid };
}

/** The filters back as search params (for links that keep them), in UTC input form. */
export function activityFilterParams(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined) continue;
    params.set(key, value instanceof Date ? value.toISOString().slice(0, 16) : value);
  }
  return params;
}

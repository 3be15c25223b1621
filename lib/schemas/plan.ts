// The backfill-plan domain: what the new-plan form and its action accept. Client-safe (no
// "server-only"). Resource fields reuse the import schemas so a plan and a single import agree on
// every rule; the layout of organisation trails is the one CloudTrail writes into S3.
import { z } from "zod";
import { awsRegionSchema, eventDataStoreArnSchema, roleArnSchema, s3UriSchema } from "./import";

/** How a plan's range is cut into imports; "whole" is one import per source prefix. */
export const CHUNK_SIZES = ["day", "week", "month", "whole"] as const;
export type ChunkSize = (typeof CHUNK_SIZES)[number];

/**
 * The longest range a plan may cover: five years, leap day included. Day chunks of a five-year
 * range are 1,827 imports per source prefix, which a person can still review and the runner
 * works through in weeks, not years.
 */
export const MAX_PLAN_DAYS = 1827;
export const MAX_SOURCES = 20;
export const MAX_ACCOUNTS_PER_SOURCE = 200;
export const MAX_RETRIES_LIMIT = 10;
export const DEFAULT_MAX_RETRIES = 3;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of UTC midnight for a real calendar date `YYYY-MM-DD`, otherwise `null`. */
export function parseUtcDay(day: string): number | null {
  const match = DATE_ONLY.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
    ? ms
    : null;
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function formatUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcDaySchema(label: string) {
  return z
    .string({ error: `${label} is required (a UTC date such as 2026-01-31)` })
    .refine((value) => parseUtcDay(value) !== null, {
      message: `${label} must be a real calendar date written YYYY-MM-DD (UTC)`,
    });
}

export const organizationIdSchema = z
  .string({ error: "Organization ID is required" })
  .regex(
    /^o-[a-z0-9]{10,32}$/,
    "Organization ID must look like o-a1b2c3d4e5 (o- then 10–32 lower-case letters or digits)",
  );

export const accountIdSchema = z
  .string({ error: "Account ID is required" })
  .regex(/^\d{12}$/, "Account IDs are exactly 12 digits");

/** The trail prefix `AWSLogs/...` must not be typed into an organisation source: it is built per account. */
const organizationSchema = z.object({
  organizationId: organizationIdSchema,
  accountIds: z
    .array(accountIdSchema)
    .min(1, "Tick at least one account of the organisation trail")
    .max(MAX_ACCOUNTS_PER_SOURCE, `At most ${MAX_ACCOUNTS_PER_SOURCE} accounts per source`)
    .refine((ids) => new Set(ids).size === ids.length, "Each account may be ticked only once"),
});

export const planSourceSchema = z
  .object({
    s3Uri: s3UriSchema,
    bucketRegion: awsRegionSchema,
    roleArn: roleArnSchema,
    /** Set for an organisation trail: `s3Uri` is then the trail's bucket and prefix, above `AWSLogs/`. */
    organization: organizationSchema.optional(),
  })
  .superRefine((source, ctx) => {
    if (source.organization && /(^|\/)AWSLogs(\/|$)/.test(source.s3Uri.slice("s3://".length))) {
      ctx.addIssue({
        code: "custom",
        path: ["s3Uri"],
        message:
          "For an organisation trail, give the bucket and prefix above AWSLogs/ (for example s3://org-trail-bucket/); the per-account prefixes are built from the ticked accounts",
      });
    }
  });

/** `s3://bucket/prefix` with exactly one trailing slash, so `s3://b/x` and `s3://b/x/` compare equal. */
export function normalizeS3Uri(uri: string): string {
  return uri.replace(/\/+$/, "") + "/";
}

/**
 * The S3 prefixes one source stands for: the URI itself, or for an organisation trail one prefix
 * per ticked account in CloudTrail's layout `<base>AWSLogs/<org-id>/<account>/CloudTrail/`.
 */
export function sourcePrefixes(source: PlanSourceInput): { s3Uri: string; accountId?: string }[] {
  const base = normalizeS3Uri(source.s3Uri);
  if (!source.organization) return [{ s3Uri: base }];
  const { organizationId, accountIds } = source.organization;
  // "s3://bucket/" has no prefix; the trail's own prefix, when it has one, sits before AWSLogs/.
  return accountIds.map((accountId) => ({
    s3Uri: `${base}AWSLogs/${organizationId}/${accountId}/CloudTrail/`,
    accountId,
  }));
}

export const planRangeSchema = z
  .object({ from: utcDaySchema("First day"), to: utcDaySchema("Last day") })
  .superRefine(({ from, to }, ctx) => {
    const start = parseUtcDay(from);
    const end = parseUtcDay(to);
    if (start === null || end === null) return;
    if (end < start) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "Last day must be on or after the first day",
      });
      return;
    }
    const days = (end - start) / DAY_MS + 1;
    if (days > MAX_PLAN_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `The range is ${days} days; a plan covers at most ${MAX_PLAN_DAYS} days (five years). Split it into several plans`,
      });
    }
    // Today is refused as well: CloudTrail is still delivering its log files.
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    if (end >= today) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "Last day must be before today (UTC): CloudTrail is still delivering today's logs",
      });
    }
  });

export const planDraftSchema = z
  .object({
    destination: eventDataStoreArnSchema,
    sources: z
      .array(planSourceSchema)
      .min(1, "Add at least one source")
      .max(MAX_SOURCES, `A plan has at most ${MAX_SOURCES} sources`),
    range: planRangeSchema,
    chunkSize: z.enum(CHUNK_SIZES, { error: "Chunk size must be day, week, month or whole" }),
    maxRetries: z.coerce
      .number({ error: "Retries must be a number" })
      .int("Retries must be a whole number")
      .min(0, "Retries must be 0 or more")
      .max(MAX_RETRIES_LIMIT, `Retries must be at most ${MAX_RETRIES_LIMIT}`)
      .default(DEFAULT_MAX_RETRIES),
  })
  .superRefine((draft, ctx) => {
    // Two sources reading the same prefix would import every event twice.
    const seen = new Map<string, number>();
    draft.sources.forEach((source, index) => {
      for (const { s3Uri } of sourcePrefixes(source)) {
        const earlier = seen.get(s3Uri);
        if (earlier !== undefined && earlier !== index) {
          ctx.addIssue({
            code: "custom",
            path: ["sources", index, "s3Uri"],
            message: `Source ${index + 1} reads ${s3Uri}, which source ${earlier + 1} already reads`,
          });
          return;
        }
        seen.set(s3Uri, index);
      }
    });
  });

export type PlanSourceInput = z.output<typeof planSourceSchema>;
export type PlanRange = z.output<typeof planRangeSchema>;
export type PlanDraft = z.output<typeof planDraftSchema>;
export type PlanDraftFormValues = z.input<typeof planDraftSchema>;

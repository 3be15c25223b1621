// The preflight domain: what the wizard sends to check an import before starting it, and the
// checklist and estimate it gets back. Client-safe (no "server-only"), like lib/schemas/import.
import { z } from "zod";
import { checkDateRange, importFields, startImportInputSchema } from "./import";

/** A preflight checks exactly what Start would send, so it accepts the start-import input. */
export const preflightRequestSchema = startImportInputSchema;

/** The checks in the order the checklist shows them. */
export const PREFLIGHT_CHECK_IDS = [
  "destination",
  "retention",
  "bucket-region",
  "object-ownership",
  "log-files",
  "file-kinds",
  "encryption",
  "role-trust",
  "role-permissions",
  "ongoing",
  "overlap",
] as const;
export type PreflightCheckId = (typeof PREFLIGHT_CHECK_IDS)[number];

/** "not-checked" is "couldn't check": AWS refused a read, so the check neither passes nor blocks. */
export const CHECK_STATUSES = ["pass", "warning", "failure", "not-checked"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** The wizard's steps, each showing the checks its fields decide; review shows them all. */
export const PREFLIGHT_STEPS = ["destination", "source", "role", "dates", "review"] as const;
export type PreflightStep = (typeof PREFLIGHT_STEPS)[number];

export const PREFLIGHT_STEP_CHECKS: Record<PreflightStep, readonly PreflightCheckId[]> = {
  destination: ["destination", "retention", "ongoing"],
  source: ["bucket-region", "object-ownership", "log-files", "file-kinds"],
  role: ["encryption", "role-trust", "role-permissions"],
  dates: ["retention", "log-files", "overlap"],
  review: PREFLIGHT_CHECK_IDS,
};

type OptionalField = "s3Uri" | "bucketRegion" | "roleArn";

/** The fields a step's checks read beyond the destination and the optional time range. */
const STEP_FIELDS: Record<PreflightStep, readonly OptionalField[]> = {
  destination: [],
  source: ["s3Uri", "bucketRegion"],
  role: ["s3Uri", "bucketRegion", "roleArn"],
  dates: ["s3Uri", "bucketRegion"],
  review: ["s3Uri", "bucketRegion", "roleArn"],
};

function requiredMessage(field: OptionalField): string {
  return importFields.shape[field].safeParse(undefined).error?.issues[0]?.message ?? "Required";
}

/**
 * What `POST /api/preflight` accepts: the start-import fields and the step asking. A step needs
 * only the fields its checks read, so the destination step can be checked before a source is chosen.
 */
export const preflightQuerySchema = z
  .strictObject({
    step: z
      .enum(PREFLIGHT_STEPS, { error: "Step must be one of the wizard's steps" })
      .default("review"),
    destination: importFields.shape.destination,
    s3Uri: importFields.shape.s3Uri.optional(),
    bucketRegion: importFields.shape.bucketRegion.optional(),
    roleArn: importFields.shape.roleArn.optional(),
    startTime: importFields.shape.startTime,
    endTime: importFields.shape.endTime,
  })
  .superRefine((value, ctx) => {
    for (const field of STEP_FIELDS[value.step]) {
      if (value[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: requiredMessage(field) });
    }
    checkDateRange(value, ctx);
  });

/** Words for each status; the checklist shows them, so colour is never the only signal. */
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  pass: "Passed",
  warning: "Warning",
  failure: "Failed",
  "not-checked": "Couldn't check",
};

export const checkFixSchema = z.object({
  /** What to do, in one or two sentences. */
  text: z.string().min(1),
  /** A policy or command to paste, with a name for screen readers ("Trust policy JSON"). */
  copyable: z.object({ label: z.string().min(1), code: z.string().min(1) }).optional(),
});

export const checkDetailSchema = z.object({ label: z.string(), value: z.string() });

export const checkResultSchema = z.object({
  id: z.enum(PREFLIGHT_CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  title: z.string().min(1),
  /** What was found, stated so a security engineer can act on it. */
  sentence: z.string().min(1),
  fix: checkFixSchema.optional(),
  /** The permission the app's identity lacked, when the status is "not-checked". */
  missingPermission: z.string().optional(),
  details: z.array(checkDetailSchema).default([]),
});

export const estimateSchema = z.object({
  files: z.number().int().nonnegative(),
  compressedBytes: z.number().nonnegative(),
  /** False when listing stopped at its limit, so the numbers are a lower bound. */
  complete: z.boolean(),
  uncompressed: z
    .object({
      bytes: z.number().nonnegative(),
      /** How many files were downloaded and gunzipped to measure the ratio. */
      sampledFiles: z.number().int().positive(),
      ratio: z.number().positive(),
    })
    .optional(),
  cost: z
    .object({
      usd: z.number().nonnegative(),
      billingMode: z.string(),
      /** Which prices were used and what was assumed, in words. */
      basis: z.string(),
      source: z.url(),
    })
    .optional(),
  duration: z
    .object({
      seconds: z.number().nonnegative(),
      /** How the rate was learned, e.g. "from 3 completed imports in this account". */
      basis: z.string(),
    })
    .optional(),
  /** Why a part of the estimate is missing, one sentence each. */
  notes: z.array(z.string()).default([]),
});

export const PREFLIGHT_VERDICTS = ["ready", "warnings", "blocked"] as const;
export type PreflightVerdict = (typeof PREFLIGHT_VERDICTS)[number];

export const preflightSummarySchema = z.object({
  verdict: z.enum(PREFLIGHT_VERDICTS),
  /** Any failure: the wizard asks for an explicit "Start anyway". */
  needsStartAnyway: z.boolean(),
  counts: z.record(z.enum(CHECK_STATUSES), z.number().int().nonnegative()),
  sentence: z.string(),
});

/** What `POST /api/preflight` returns. */
export const preflightResultSchema = z.object({
  checks: z.array(checkResultSchema),
  /** Only for the review (the whole request): it downloads sampled files, so steps skip it. */
  estimate: estimateSchema.optional(),
  summary: preflightSummarySchema,
  checkedAt: z.iso.datetime(),
});

export type PreflightRequestInput = z.input<typeof preflightRequestSchema>;
export type PreflightQueryInput = z.input<typeof preflightQuerySchema>;
export type PreflightQuery = z.output<typeof preflightQuerySchema>;
export type PreflightRequest = z.output<typeof preflightRequestSchema>;
export type CheckFix = z.output<typeof checkFixSchema>;
export type CheckDetail = z.output<typeof checkDetailSchema>;
export type CheckResult = z.output<typeof checkResultSchema>;
export type Estimate = z.output<typeof estimateSchema>;
export type PreflightSummary = z.output<typeof preflightSummarySchema>;
export type PreflightResult = z.output<typeof preflightResultSchema>;

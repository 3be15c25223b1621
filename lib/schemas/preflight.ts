// The preflight domain: what the wizard sends to check an import before starting it, and the
// checklist and estimate it gets back. Client-safe (no "server-only"), like lib/schemas/import.
import { z } from "zod";
import { startImportInputSchema } from "./import";

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
  estimate: estimateSchema,
  summary: preflightSummarySchema,
  checkedAt: z.iso.datetime(),
});

export type PreflightRequestInput = z.input<typeof preflightRequestSchema>;
export type PreflightRequest = z.output<typeof preflightRequestSchema>;
export type CheckFix = z.output<typeof checkFixSchema>;
export type CheckDetail = z.output<typeof checkDetailSchema>;
export type CheckResult = z.output<typeof checkResultSchema>;
export type Estimate = z.output<typeof estimateSchema>;
export type PreflightSummary = z.output<typeof preflightSummarySchema>;
export type PreflightResult = z.output<typeof preflightResultSchema>;

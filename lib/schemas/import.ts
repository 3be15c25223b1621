// The import domain, shared by the start-import wizard (client) and the server actions: no
// "server-only" here. Rules come from the CloudTrail Smithy model (UUID, time range, one destination).
import { z } from "zod";
import {
  awsRegionSchema,
  eventDataStoreArnSchema,
  roleArnSchema,
  s3UriSchema,
} from "./aws-resources";
import { IMPORT_STATUSES } from "./import-status";

// Field schemas of the resources an import names live beside it; importers of this module keep one entry point.
export * from "./aws-resources";

export { IMPORT_STATUSES, type ImportStatus } from "./import-status";
export const importStatusSchema = z.enum(IMPORT_STATUSES, {
  error: "Import status must be one of " + IMPORT_STATUSES.join(", "),
});

export const importIdSchema = z
  .string({ error: "Import ID is required" })
  .length(
    36,
    "Import ID must be exactly 36 characters (a UUID such as 0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e)",
  )
  .regex(
    /^[a-f0-9-]+$/,
    "Import ID may contain only lower-case hexadecimal digits (0-9, a-f) and hyphens",
  );

// Date-only strings parse as UTC midnight in JS, but a date-time without a zone parses as the
// browser's local time; requiring the zone keeps "UTC" true on both sides of the wire.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A point in time: a Date, or an ISO date or zoned date-time string. */
export function instantSchema(label: string) {
  const invalid = `${label} must be a valid date (YYYY-MM-DD, or a date-time with a time zone such as 2026-01-31T00:00:00Z)`;
  return z
    .union([z.date(), z.string()], {
      error: (issue) => (issue.input === undefined ? `${label} is required` : invalid),
    })
    .transform((value, ctx) => {
      if (value instanceof Date) return value;
      if (value.trim() === "") {
        ctx.addIssue({ code: "custom", message: `${label} is required` });
        return z.NEVER;
      }
      return ISO_WITH_ZONE.test(value) ? new Date(value) : new Date(Number.NaN);
    })
    .pipe(z.date({ error: invalid }));
}

/** How far ahead of the server's clock an end time may be, to absorb browser clock skew. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

// Both ends are optional (the model leaves StartEventTime and EndEventTime optional): without a
// start CloudTrail reads from the oldest log file, without an end up to the newest.
export function checkDateRange(
  value: { startTime?: Date | undefined; endTime?: Date | undefined },
  ctx: z.RefinementCtx,
): void {
  const { startTime, endTime } = value;
  if (startTime && endTime && startTime.getTime() > endTime.getTime()) {
    ctx.addIssue({
      code: "custom",
      path: ["endTime"],
      message: "End time must be on or after the start time",
    });
  }
  if (endTime && endTime.getTime() > Date.now() + CLOCK_SKEW_MS) {
    ctx.addIssue({
      code: "custom",
      path: ["endTime"],
      message: "End time must not be in the future (times are UTC)",
    });
  }
  if (startTime && startTime.getTime() > Date.now() + CLOCK_SKEW_MS) {
    ctx.addIssue({
      code: "custom",
      path: ["startTime"],
      message: "Start time must not be in the future (times are UTC)",
    });
  }
}

/** The fields of a new import, each with its own rules; the action and the wizard build on them. */
export const importFields = z.object({
  destination: eventDataStoreArnSchema,
  s3Uri: s3UriSchema,
  bucketRegion: awsRegionSchema,
  roleArn: roleArnSchema,
  startTime: instantSchema("Start time").optional(),
  endTime: instantSchema("End time").optional(),
});

/** What the start-import action accepts: every field, nothing else. */
export const startImportInputSchema = z
  .strictObject(importFields.shape)
  .superRefine(checkDateRange);

/** A client-made id for one press of Start, so a replayed or doubled submit starts one import. */
export const submissionIdSchema = z.uuid({ error: "Submission ID must be a UUID" });

/** What `startImportAction` accepts: the import input plus the submission id. */
export const startImportSubmissionSchema = z
  .strictObject({
    ...importFields.shape,
    submissionId: submissionIdSchema,
    /** The person pressed "Start anyway" over failed preflight checks; recorded in the audit. */
    overrideFailedChecks: z
      .boolean({ error: "overrideFailedChecks must be true or false" })
      .default(false),
  })
  .superRefine(checkDateRange);

/** What the retry and stop actions accept. */
export const importActionInputSchema = z.strictObject({
  importId: importIdSchema,
  region: awsRegionSchema,
});

export type StartImportInput = z.output<typeof startImportInputSchema>;
export type StartImportSubmission = z.output<typeof startImportSubmissionSchema>;

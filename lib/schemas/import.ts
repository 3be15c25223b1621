// The import domain, shared by the start-import wizard (client) and the server actions: no
// "server-only" here. Rules come from the CloudTrail Smithy model (UUID, time range, one destination).
import { z } from "zod";
import {
  awsRegionSchema,
  eventDataStoreArnSchema,
  roleArnSchema,
  s3UriSchema,
} from "./aws-resources";
import { IMPORT_STATUSES } from "@/lib/imports/status";

// Field schemas of the resources an import names live beside it; importers of this module keep one entry point.
export * from "./aws-resources";

export { IMPORT_STATUSES, type ImportStatus } from "@/lib/imports/status";
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

function instantSchema(label: string) {
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
function checkDateRange(
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

const importFields = z.object({
  destination: eventDataStoreArnSchema,
  s3Uri: s3UriSchema,
  bucketRegion: awsRegionSchema,
  roleArn: roleArnSchema,
  startTime: instantSchema("Start time").optional(),
  endTime: instantSchema("End time").optional(),
});

/** The wizard's steps in order; `fields` are the form fields each step owns. */
export const IMPORT_WIZARD_STEPS = [
  { id: "destination", title: "Destination", fields: ["destination"] },
  { id: "source", title: "Source", fields: ["s3Uri", "bucketRegion"] },
  { id: "role", title: "Access role", fields: ["roleArn"] },
  { id: "dates", title: "Time range", fields: ["startTime", "endTime"] },
  { id: "review", title: "Review", fields: [] },
] as const;
export type ImportWizardStepId = (typeof IMPORT_WIZARD_STEPS)[number]["id"];

// Step schemas are not strict: the wizard validates one step against the whole form's values.
export const destinationStepSchema = importFields.pick({ destination: true });
export const sourceStepSchema = importFields.pick({ s3Uri: true, bucketRegion: true });
export const roleStepSchema = importFields.pick({ roleArn: true });
export const datesStepSchema = importFields
  .pick({ startTime: true, endTime: true })
  .superRefine(checkDateRange);
export const reviewStepSchema = importFields.superRefine(checkDateRange);

export const importWizardStepSchemas = {
  destination: destinationStepSchema,
  source: sourceStepSchema,
  role: roleStepSchema,
  dates: datesStepSchema,
  review: reviewStepSchema,
} as const satisfies Record<ImportWizardStepId, z.ZodType>;

/** What the start-import action accepts: every field, nothing else. */
export const startImportInputSchema = z
  .strictObject(importFields.shape)
  .superRefine(checkDateRange);

/** The wizard's step ids in order, for `?step=` parsing. */
export const IMPORT_WIZARD_STEP_IDS = IMPORT_WIZARD_STEPS.map((step) => step.id);

/** Whether `value` names a wizard step. */
export function isImportWizardStepId(value: unknown): value is ImportWizardStepId {
  return typeof value === "string" && (IMPORT_WIZARD_STEP_IDS as readonly string[]).includes(value);
}

/** A client-made id for one press of Start, so a replayed or doubled submit starts one import. */
export const submissionIdSchema = z.uuid({ error: "Submission ID must be a UUID" });

/** What `startImportAction` accepts: the import input plus the submission id. */
export const startImportSubmissionSchema = z
  .strictObject({ ...importFields.shape, submissionId: submissionIdSchema })
  .superRefine(checkDateRange);

/** What the retry and stop actions accept. */
export const importActionInputSchema = z.strictObject({
  importId: importIdSchema,
  region: awsRegionSchema,
});

/** Filters for listing imports (route handler query parameters). */
export const listImportsQuerySchema = z.strictObject({
  region: awsRegionSchema,
  status: importStatusSchema.optional(),
  destination: eventDataStoreArnSchema.optional(),
  nextToken: z.string().min(4).max(1000).optional(),
  maxResults: z.coerce.number().int().min(1).max(1000).default(50),
});

export type StartImportInput = z.output<typeof startImportInputSchema>;
export type StartImportSubmission = z.output<typeof startImportSubmissionSchema>;
export type StartImportFormValues = z.input<typeof startImportInputSchema>;
export type ImportActionInput = z.output<typeof importActionInputSchema>;
export type ListImportsQuery = z.output<typeof listImportsQuerySchema>;
export type DestinationStepInput = z.output<typeof destinationStepSchema>;
export type SourceStepInput = z.output<typeof sourceStepSchema>;
export type RoleStepInput = z.output<typeof roleStepSchema>;
export type DatesStepInput = z.output<typeof datesStepSchema>;

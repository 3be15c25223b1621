// Shared by the start-import wizard (client) and the server actions: no "server-only" here.
// Rules come from the CloudTrail Smithy model (UUID, EventDataStoreArn) and, where the model
// leaves a field unconstrained (the three S3 source strings), from S3 and IAM naming rules.
import { z } from "zod";

/** Regions CloudTrail Lake may live in or read from: commercial, GovCloud and China partitions. */
export const AWS_REGIONS = [
  { code: "us-east-1", name: "US East (N. Virginia)" },
  { code: "us-east-2", name: "US East (Ohio)" },
  { code: "us-west-1", name: "US West (N. California)" },
  { code: "us-west-2", name: "US West (Oregon)" },
  { code: "af-south-1", name: "Africa (Cape Town)" },
  { code: "ap-east-1", name: "Asia Pacific (Hong Kong)" },
  { code: "ap-east-2", name: "Asia Pacific (Taipei)" },
  { code: "ap-south-1", name: "Asia Pacific (Mumbai)" },
  { code: "ap-south-2", name: "Asia Pacific (Hyderabad)" },
  { code: "ap-southeast-1", name: "Asia Pacific (Singapore)" },
  { code: "ap-southeast-2", name: "Asia Pacific (Sydney)" },
  { code: "ap-southeast-3", name: "Asia Pacific (Jakarta)" },
  { code: "ap-southeast-4", name: "Asia Pacific (Melbourne)" },
  { code: "ap-southeast-5", name: "Asia Pacific (Malaysia)" },
  { code: "ap-southeast-6", name: "Asia Pacific (New Zealand)" },
  { code: "ap-southeast-7", name: "Asia Pacific (Thailand)" },
  { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)" },
  { code: "ap-northeast-2", name: "Asia Pacific (Seoul)" },
  { code: "ap-northeast-3", name: "Asia Pacific (Osaka)" },
  { code: "ca-central-1", name: "Canada (Central)" },
  { code: "ca-west-1", name: "Canada West (Calgary)" },
  { code: "eu-central-1", name: "Europe (Frankfurt)" },
  { code: "eu-central-2", name: "Europe (Zurich)" },
  { code: "eu-west-1", name: "Europe (Ireland)" },
  { code: "eu-west-2", name: "Europe (London)" },
  { code: "eu-west-3", name: "Europe (Paris)" },
  { code: "eu-south-1", name: "Europe (Milan)" },
  { code: "eu-south-2", name: "Europe (Spain)" },
  { code: "eu-north-1", name: "Europe (Stockholm)" },
  { code: "il-central-1", name: "Israel (Tel Aviv)" },
  { code: "me-central-1", name: "Middle East (UAE)" },
  { code: "me-south-1", name: "Middle East (Bahrain)" },
  { code: "me-west-1", name: "Middle East (Saudi Arabia)" },
  { code: "mx-central-1", name: "Mexico (Central)" },
  { code: "sa-east-1", name: "South America (São Paulo)" },
  { code: "sa-west-1", name: "South America (Chile)" },
  { code: "us-gov-east-1", name: "AWS GovCloud (US-East)" },
  { code: "us-gov-west-1", name: "AWS GovCloud (US-West)" },
  { code: "cn-north-1", name: "China (Beijing)" },
  { code: "cn-northwest-1", name: "China (Ningxia)" },
] as const;

export type AwsRegionCode = (typeof AWS_REGIONS)[number]["code"];

/** The CloudTrail `ImportStatus` enum, in lifecycle order. */
export const IMPORT_STATUSES = ["INITIALIZING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPED"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const importStatusSchema = z.enum(IMPORT_STATUSES, { error: "Import status must be one of " + IMPORT_STATUSES.join(", ") });

type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** Which partition a Region belongs to (China and GovCloud Regions are their own partitions). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

// Validated by shape, not against AWS_REGIONS: a Region launched after this list was written must
// not block an import. The list feeds pickers; CloudTrail itself rejects Regions that don't exist.
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const awsRegionSchema = z
  .string({ error: "Region is required" })
  .regex(REGION_PATTERN, "Region must be an AWS Region code such as eu-west-1");

export const importIdSchema = z
  .string({ error: "Import ID is required" })
  .length(36, "Import ID must be exactly 36 characters (a UUID such as 0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e)")
  .regex(/^[a-f0-9-]+$/, "Import ID may contain only lower-case hexadecimal digits (0-9, a-f) and hyphens");

const STORE_ARN = /^arn:(aws|aws-cn|aws-us-gov):cloudtrail:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):eventdatastore\/([A-Za-z0-9._-]+)$/;

export interface EventDataStoreArnParts {
  partition: Partition;
  region: string;
  accountId: string;
  id: string;
}

/** Splits an event data store ARN into its parts; `null` when it isn't one. */
export function parseEventDataStoreArn(arn: string): EventDataStoreArnParts | null {
  const match = STORE_ARN.exec(arn);
  if (!match) return null;
  const [, partition, region, accountId, id] = match;
  if (!partition || !region || !accountId || !id) return null;
  return { partition: partition as Partition, region, accountId, id };
}

export const eventDataStoreArnSchema = z
  .string({ error: "Destination event data store is required" })
  .min(3, "Destination event data store ARN must be 3–256 characters")
  .max(256, "Destination event data store ARN must be 3–256 characters")
  .regex(/^[a-zA-Z0-9._/\-:]+$/, "Destination event data store ARN may contain only letters, digits and . _ / - :")
  .superRefine((arn, ctx) => {
    const parts = parseEventDataStoreArn(arn);
    if (!parts) {
      ctx.addIssue({
        code: "custom",
        message: "Destination must be an event data store ARN: arn:aws:cloudtrail:<region>:<12-digit account>:eventdatastore/<id>",
      });
    } else if (partitionOfRegion(parts.region) !== parts.partition) {
      ctx.addIssue({ code: "custom", message: `Destination ARN partition ${parts.partition} doesn't match Region ${parts.region}` });
    }
  });

const IPV4_SHAPED = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** The first S3 bucket-naming rule `bucket` breaks, or `null` when the name is valid. */
export function bucketNameProblem(bucket: string): string | null {
  if (bucket.length < 3 || bucket.length > 63) return "Bucket names are 3–63 characters long";
  if (!/^[a-z0-9.-]+$/.test(bucket)) return "Bucket names may contain only lower-case letters, digits, dots (.) and hyphens (-)";
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket)) return "Bucket names must start and end with a letter or digit";
  if (bucket.includes("..")) return "Bucket names must not contain two dots in a row";
  if (IPV4_SHAPED.test(bucket)) return "Bucket names must not look like an IP address";
  const prefix = RESERVED_PREFIXES.find((p) => bucket.startsWith(p));
  if (prefix) return `Bucket names must not start with the reserved prefix ${prefix}`;
  const suffix = RESERVED_SUFFIXES.find((s) => bucket.endsWith(s));
  if (suffix) return `Bucket names must not end with the reserved suffix ${suffix}`;
  return null;
}

export const s3UriSchema = z.string({ error: "S3 URI is required" }).superRefine((uri, ctx) => {
  if (!uri.startsWith("s3://")) {
    ctx.addIssue({ code: "custom", message: "S3 URI must start with s3:// (for example s3://my-trail-bucket/AWSLogs/)" });
    return;
  }
  const rest = uri.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = slash === -1 ? "" : rest.slice(slash + 1);
  const problem = bucketNameProblem(bucket);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
  // S3 keys are at most 1024 bytes; control characters can't be typed into the console either.
  if (new TextEncoder().encode(prefix).length > 1024) ctx.addIssue({ code: "custom", message: "S3 prefix must be at most 1024 bytes" });
  if ([...prefix].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    ctx.addIssue({ code: "custom", message: "S3 prefix must not contain control characters" });
  }
});

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([^/]*)$/;

export const roleArnSchema = z.string({ error: "S3 access role ARN is required" }).superRefine((arn, ctx) => {
  const match = ROLE_ARN.exec(arn);
  if (!match) {
    ctx.addIssue({ code: "custom", message: "Role ARN must look like arn:aws:iam::<12-digit account>:role/<optional path/><name>" });
    return;
  }
  const name = match[2] ?? "";
  if (name.length < 1 || name.length > 64) {
    ctx.addIssue({ code: "custom", message: "Role names are 1–64 characters long" });
  } else if (!/^[\w+=,.@-]+$/.test(name)) {
    ctx.addIssue({ code: "custom", message: "Role names may contain only letters, digits and + = , . @ _ -" });
  }
});

// Date-only strings parse as UTC midnight in JS, but a date-time without a zone parses as the
// browser's local time; requiring the zone keeps "UTC" true on both sides of the wire.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function instantSchema(label: string) {
  const invalid = `${label} must be a valid date (YYYY-MM-DD, or a date-time with a time zone such as 2026-01-31T00:00:00Z)`;
  return z
    .union([z.date(), z.string()], { error: (issue) => (issue.input === undefined ? `${label} is required` : invalid) })
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
function checkDateRange(value: { startTime?: Date | undefined; endTime?: Date | undefined }, ctx: z.RefinementCtx): void {
  const { startTime, endTime } = value;
  if (startTime && endTime && startTime.getTime() > endTime.getTime()) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "End time must be on or after the start time" });
  }
  if (endTime && endTime.getTime() > Date.now() + CLOCK_SKEW_MS) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "End time must not be in the future (times are UTC)" });
  }
  if (startTime && startTime.getTime() > Date.now() + CLOCK_SKEW_MS) {
    ctx.addIssue({ code: "custom", path: ["startTime"], message: "Start time must not be in the future (times are UTC)" });
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
export const datesStepSchema = importFields.pick({ startTime: true, endTime: true }).superRefine(checkDateRange);
export const reviewStepSchema = importFields.superRefine(checkDateRange);

export const importWizardStepSchemas = {
  destination: destinationStepSchema,
  source: sourceStepSchema,
  role: roleStepSchema,
  dates: datesStepSchema,
  review: reviewStepSchema,
} as const satisfies Record<ImportWizardStepId, z.ZodType>;

/** What the start-import action accepts: every field, nothing else. */
export const startImportInputSchema = z.strictObject(importFields.shape).superRefine(checkDateRange);

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
export const importActionInputSchema = z.strictObject({ importId: importIdSchema, region: awsRegionSchema });

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

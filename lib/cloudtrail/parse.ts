import "server-only";
import { z } from "zod";
import { IMPORT_STATUSES, parseEventDataStoreArn } from "@/lib/schemas/import";
import { CloudTrailAppError } from "./errors";
import {
  BILLING_MODES,
  EVENT_DATA_STORE_STATUSES,
  type EventDataStoreDetails,
  type EventDataStoreSummary,
  IMPORT_FAILURE_STATUSES,
  type ImportDetails,
  type ImportFailure,
  type ImportSummary,
  type Lenient,
} from "./types";

// Replies are validated, not trusted: a field AWS stops sending or an enum value it adds later
// must degrade to "absent" / "UNKNOWN" instead of crashing a page. Only ids are required.

function lenientEnum<const T extends string>(values: readonly T[]) {
  const isMember = (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);
  return z
    .unknown()
    .optional()
    .transform((value): Lenient<T> => (isMember(value) ? value : "UNKNOWN"));
}

const optionalString = z.string().optional().catch(undefined);
const optionalNumber = z.number().optional().catch(undefined);
const optionalBoolean = z.boolean().optional().catch(undefined);
const optionalIso = z
  .date()
  .optional()
  .catch(undefined)
  .transform((date) => (date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined));
const stringList = z
  .array(z.string())
  .optional()
  .catch(undefined)
  .transform((list) => list ?? []);

const importSummaryShape = {
  ImportId: z.string().min(1),
  ImportStatus: lenientEnum(IMPORT_STATUSES),
  Destinations: stringList,
  CreatedTimestamp: optionalIso,
  UpdatedTimestamp: optionalIso,
};

const importReply = z.object({
  ...importSummaryShape,
  ImportSource: z
    .object({
      S3: z
        .object({
          S3LocationUri: optionalString,
          S3BucketRegion: optionalString,
          S3BucketAccessRoleArn: optionalString,
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  StartEventTime: optionalIso,
  EndEventTime: optionalIso,
  ImportStatistics: z
    .object({
      PrefixesFound: optionalNumber,
      PrefixesCompleted: optionalNumber,
      FilesCompleted: optionalNumber,
      EventsCompleted: optionalNumber,
      FailedEntries: optionalNumber,
    })
    .optional()
    .catch(undefined),
});

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function invalid(what: string, error: z.ZodError): CloudTrailAppError {
  return new CloudTrailAppError(
    "InvalidResponse",
    `CloudTrail ${what} reply failed validation: ${error.message}`,
    { cause: error },
  );
}

function toSummary(
  reply: z.output<typeof importReply> | z.output<z.ZodObject<typeof importSummaryShape>>,
  region: string,
): ImportSummary {
  return compact({
    importId: reply.ImportId,
    region,
    status: reply.ImportStatus,
    destinations: reply.Destinations,
    createdAt: reply.CreatedTimestamp,
    updatedAt: reply.UpdatedTimestamp,
  });
}

/** StartImport, GetImport and StopImport replies → ImportDetails. Throws InvalidResponse without an id. */
export function parseImport(reply: unknown, region: string, what = "import"): ImportDetails {
  const parsed = importReply.safeParse(reply);
  if (!parsed.success) throw invalid(what, parsed.error);
  const r = parsed.data;
  const s3 = r.ImportSource?.S3;
  const stats = r.ImportStatistics;
  return compact({
    ...toSummary(r, region),
    source: s3
      ? compact({
          s3Uri: s3.S3LocationUri,
          bucketRegion: s3.S3BucketRegion,
          roleArn: s3.S3BucketAccessRoleArn,
        })
      : undefined,
    startEventTime: r.StartEventTime,
    endEventTime: r.EndEventTime,
    statistics: stats
      ? compact({
          prefixesFound: stats.PrefixesFound,
          prefixesCompleted: stats.PrefixesCompleted,
          filesCompleted: stats.FilesCompleted,
          eventsCompleted: stats.EventsCompleted,
          failedEntries: stats.FailedEntries,
        })
      : undefined,
  });
}

const importListItem = z.object(importSummaryShape);

/** ListImports items; an item without an id is dropped rather than failing the whole page. */
export function parseImportList(items: unknown, region: string): ImportSummary[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = importListItem.safeParse(item);
    return parsed.success ? [toSummary(parsed.data, region)] : [];
  });
}

const failureItem = z.object({
  Location: optionalString,
  Status: lenientEnum(IMPORT_FAILURE_STATUSES),
  ErrorType: optionalString,
  ErrorMessage: optionalString,
  LastUpdatedTime: optionalIso,
});

/** ListImportFailures items. */
export function parseFailureList(items: unknown): ImportFailure[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = failureItem.safeParse(item);
    if (!parsed.success) return [];
    const f = parsed.data;
    return [
      compact({
        location: f.Location,
        status: f.Status,
        errorType: f.ErrorType,
        errorMessage: f.ErrorMessage,
        lastUpdatedAt: f.LastUpdatedTime,
      }),
    ];
  });
}

function storeIdentity(
  arn: string,
  region: string,
  name: string | undefined,
): EventDataStoreSummary {
  const parts = parseEventDataStoreArn(arn);
  return compact({ arn, name, region, accountId: parts?.accountId, id: parts?.id });
}

const storeListItem = z.object({ EventDataStoreArn: z.string().min(1), Name: optionalString });

/** ListEventDataStores items (only ARN and name are still returned). */
export function parseStoreList(items: unknown, region: string): EventDataStoreSummary[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = storeListItem.safeParse(item);
    return parsed.success
      ? [storeIdentity(parsed.data.EventDataStoreArn, region, parsed.data.Name)]
      : [];
  });
}

const selectorList = z
  .array(
    z.object({
      FieldSelectors: z
        .array(
          z.object({
            Field: optionalString,
            Equals: z.array(z.string()).optional().catch(undefined),
          }),
        )
        .catch([]),
    }),
  )
  .optional()
  .catch(undefined);

const storeReply = z.object({
  EventDataStoreArn: z.string().min(1),
  Name: optionalString,
  Status: lenientEnum(EVENT_DATA_STORE_STATUSES),
  AdvancedEventSelectors: selectorList,
  MultiRegionEnabled: optionalBoolean,
  OrganizationEnabled: optionalBoolean,
  RetentionPeriod: optionalNumber,
  TerminationProtectionEnabled: optionalBoolean,
  KmsKeyId: optionalString,
  BillingMode: z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : lenientEnum(BILLING_MODES).parse(v))),
  CreatedTimestamp: optionalIso,
  UpdatedTimestamp: optionalIso,
});

// Categories that hold CloudTrail events; ConfigurationItem, ActivityAuditLog and Insight don't.
const CLOUDTRAIL_CATEGORIES = new Set(["Management", "Data", "NetworkActivity"]);
const IMPORTABLE_STATUSES = new Set<string>(["ENABLED", "STOPPED_INGESTION"]);

/** GetEventDataStore reply → details, including whether the store can receive an import. */
export function parseStoreDetails(reply: unknown, region: string): EventDataStoreDetails {
  const parsed = storeReply.safeParse(reply);
  if (!parsed.success) throw invalid("event data store", parsed.error);
  const r = parsed.data;
  const eventCategories = [
    ...new Set(
      (r.AdvancedEventSelectors ?? []).flatMap((selector) =>
        selector.FieldSelectors.filter((field) => field.Field === "eventCategory").flatMap(
          (field) => field.Equals ?? [],
        ),
      ),
    ),
  ];
  const category =
    eventCategories.length === 0
      ? "unknown"
      : eventCategories.some((c) => CLOUDTRAIL_CATEGORIES.has(c))
        ? "cloudtrail"
        : "other";
  const statusOk = IMPORTABLE_STATUSES.has(r.Status);
  const blockedReason = !statusOk ? "status" : category === "other" ? "category" : undefined;
  return compact({
    ...storeIdentity(r.EventDataStoreArn, region, r.Name),
    status: r.Status,
    eventCategories,
    category,
    organizationEnabled: r.OrganizationEnabled ?? false,
    multiRegionEnabled: r.MultiRegionEnabled ?? false,
    retentionPeriodDays: r.RetentionPeriod,
    terminationProtectionEnabled: r.TerminationProtectionEnabled,
    kmsKeyId: r.KmsKeyId,
    billingMode: r.BillingMode,
    createdAt: r.CreatedTimestamp,
    updatedAt: r.UpdatedTimestamp,
    acceptsImports: blockedReason === undefined,
    blockedReason,
  });
}

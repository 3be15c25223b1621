import "server-only";
import type { CloudTrailField, CloudTrailErrorCode } from "@/lib/cloudtrail/error-messages";
import type { ImportStatus } from "@/lib/schemas/import";

// Plain, JSON-safe domain objects: timestamps are ISO-8601 strings so the same values can cross a
// route handler (react-query) or a server-component boundary unchanged. Client code may
// `import type` from here; the types are erased, so "server-only" never reaches the browser.

/** Who is asking. Structurally compatible with the session user (`session.user`). */
export interface Caller {
  id: string;
  email: string;
  name?: string | null;
  /** App roles; sent to STS as the `app-role` session tag in per-user mode when present. */
  roles?: readonly string[];
}

/** A failed CloudTrail call, safe to show: the message never contains AWS's own text. */
export interface CloudTrailFailure {
  code: CloudTrailErrorCode;
  message: string;
  field?: CloudTrailField;
  retryable: boolean;
  /** The running import that blocked a start, when AWS named it. */
  ongoingImportId?: string;
  /** AWS request id, for support tickets and log correlation. */
  requestId?: string;
}

/** Values AWS may add to an enum later arrive as "UNKNOWN" instead of crashing the page. */
export type Lenient<T extends string> = T | "UNKNOWN";

export const EVENT_DATA_STORE_STATUSES = [
  "CREATED",
  "ENABLED",
  "PENDING_DELETION",
  "STARTING_INGESTION",
  "STOPPING_INGESTION",
  "STOPPED_INGESTION",
] as const;
export type EventDataStoreStatus = (typeof EVENT_DATA_STORE_STATUSES)[number];

export const BILLING_MODES = ["EXTENDABLE_RETENTION_PRICING", "FIXED_RETENTION_PRICING"] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

export const IMPORT_FAILURE_STATUSES = ["FAILED", "RETRY", "SUCCEEDED"] as const;
export type ImportFailureStatus = (typeof IMPORT_FAILURE_STATUSES)[number];

/** What ListEventDataStores tells us: only the ARN and name; the model marks every other field "no longer returned". */
export interface EventDataStoreSummary {
  arn: string;
  name?: string;
  region: string;
  accountId?: string;
  /** The id after `eventdatastore/`, when the ARN has the usual shape. */
  id?: string;
}

/** "cloudtrail" when the selectors pick Management, Data or NetworkActivity events. */
export type StoreCategory = "cloudtrail" | "other" | "unknown";

export interface EventDataStoreDetails extends EventDataStoreSummary {
  status: Lenient<EventDataStoreStatus>;
  /** Values of the `eventCategory` field selectors. */
  eventCategories: string[];
  category: StoreCategory;
  organizationEnabled: boolean;
  multiRegionEnabled: boolean;
  retentionPeriodDays?: number;
  terminationProtectionEnabled?: boolean;
  kmsKeyId?: string;
  billingMode?: Lenient<BillingMode>;
  createdAt?: string;
  updatedAt?: string;
  /** Whether the store can be an import destination, judged from status and category. */
  acceptsImports: boolean;
  blockedReason?: "status" | "category";
}

export interface StoresWithDetails {
  stores: EventDataStoreDetails[];
  /** Regions or stores that could not be read; the rest of the list is still usable. */
  problems: { region: string; storeArn?: string; failure: CloudTrailFailure }[];
}

export interface ImportSummary {
  importId: string;
  region: string;
  status: Lenient<ImportStatus>;
  destinations: string[];
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportSourceDetails {
  s3Uri?: string;
  bucketRegion?: string;
  roleArn?: string;
}

/** CloudTrail updates these in increments, not in real time, so they may lag behind the truth. */
export interface ImportStatistics {
  prefixesFound?: number;
  prefixesCompleted?: number;
  filesCompleted?: number;
  eventsCompleted?: number;
  failedEntries?: number;
}

export interface ImportDetails extends ImportSummary {
  source?: ImportSourceDetails;
  startEventTime?: string;
  endEventTime?: string;
  /** Absent on StartImport's reply, which carries no statistics. */
  statistics?: ImportStatistics;
}

export interface ImportFailure {
  location?: string;
  status: Lenient<ImportFailureStatus>;
  errorType?: string;
  errorMessage?: string;
  lastUpdatedAt?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

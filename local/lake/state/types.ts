// The Lake's persisted world. Times are epoch milliseconds; the protocol layer converts them to
// the wire's epoch seconds. Wire names (PascalCase) appear only where a value is passed through
// verbatim (AdvancedEventSelectors).

export type ImportStatus = "INITIALIZING" | "IN_PROGRESS" | "FAILED" | "STOPPED" | "COMPLETED";
export type FailureStatus = "FAILED" | "RETRY" | "SUCCEEDED";
export type EventDataStoreStatus =
  | "CREATED"
  | "ENABLED"
  | "PENDING_DELETION"
  | "STARTING_INGESTION"
  | "STOPPING_INGESTION"
  | "STOPPED_INGESTION";

export type FieldSelector = {
  Field: string;
  Equals?: string[];
  NotEquals?: string[];
  StartsWith?: string[];
};
export type AdvancedEventSelector = { Name?: string; FieldSelectors: FieldSelector[] };

export type EventDataStoreRecord = {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  status: EventDataStoreStatus;
  advancedEventSelectors: AdvancedEventSelector[];
  multiRegionEnabled: boolean;
  organizationEnabled: boolean;
  retentionPeriod: number;
  terminationProtectionEnabled: boolean;
  createdMs: number;
  updatedMs: number;
  kmsKeyId?: string;
  billingMode: "EXTENDABLE_RETENTION_PRICING" | "FIXED_RETENTION_PRICING";
  federationStatus: "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED";
};

export type ImportStats = {
  prefixesFound: number;
  prefixesCompleted: number;
  filesCompleted: number;
  eventsCompleted: number;
  failedEntries: number;
};

export type ImportFailure = {
  /** Object key in the source bucket, or null for a failure of the whole source (e.g. AccessDenied). */
  key: string | null;
  location: string;
  status: FailureStatus;
  errorType: string;
  errorMessage: string;
  updatedMs: number;
};

export type ImportSourceRecord = { uri: string; bucketRegion: string; roleArn: string };

export type ImportRecord = {
  id: string;
  accountId: string;
  region: string;
  destination: string;
  source: ImportSourceRecord;
  startMs?: number;
  endMs?: number;
  status: ImportStatus;
  createdMs: number;
  updatedMs: number;
  stats: ImportStats;
  /** Last key processed in key order; files after it are still to do. */
  cursor?: string;
  /** True once every listed file was processed at least once (only failures remain to retry). */
  exhausted?: boolean;
  failures: ImportFailure[];
};

/** A temporary credential issued by the local STS's AssumeRole. */
export type StsSession = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  issuedMs: number;
  expiresMs: number;
  accountId: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  sourceIdentity?: string;
  tags: Record<string, string>;
  /** ARN of the identity that called AssumeRole. */
  issuerArn: string;
};

/** A management event as LookupEvents returns it; CloudTrailEvent is rendered from these fields. */
export type ManagementEventRecord = {
  eventId: string;
  eventName: string;
  eventMs: number;
  region: string;
  accessKeyId: string;
  username: string;
  userIdentity: Record<string, unknown>;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  requestId: string;
  sourceIp: string;
  userAgent: string;
  resources: { type: string; name: string }[];
  /** Set on a call that failed: the error code and message CloudTrail records. */
  errorCode?: string;
  errorMessage?: string;
};

export type PersistedState = {
  version: 1;
  seededMs: number;
  /** The end date the demo buckets were written for, so a missing bucket is rewritten identically. */
  seedEndMs: number;
  /** HMAC key for page tokens; persisted so tokens stay valid across a restart. */
  tokenSecret: string;
  stores: EventDataStoreRecord[];
  imports: ImportRecord[];
  sessions: StsSession[];
  events: ManagementEventRecord[];
};

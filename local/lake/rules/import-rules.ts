// THE LOCAL LAKE'S IMPORT RULES. AWS documents some of these only loosely; where it documents
// nothing, these are the project's choices (docs/local-world.md explains them), kept in this module.
//
// Scope
//  - Regions are separate worlds: stores, imports and events of one Region are invisible from another.
//  - At most ONE non-terminal import (INITIALIZING or IN_PROGRESS) per account, in all Regions
//    together (the exception is named for the account). LOCAL_LAKE_ONGOING_SCOPE=region narrows it
//    to one per account AND Region. A new import or a retry while one runs →
//    AccountHasOngoingImportException naming the running id and its Region.
// Lifecycle
//  - INITIALIZING → IN_PROGRESS → COMPLETED (no failure left FAILED) or FAILED (some did).
//  - StopImport is allowed from INITIALIZING and IN_PROGRESS only → STOPPED.
//  - Retry (StartImport with ImportId only) is allowed from FAILED and STOPPED only and goes back
//    through INITIALIZING. It re-reads only failed files (their entries go RETRY → SUCCEEDED|FAILED)
//    and files the import never reached. Anything else → OperationNotPermittedException.
//  - StartImport takes either Destinations + ImportSource (new) or ImportId alone (retry); both or
//    neither → InvalidParameterException.
// Destination (new imports; a retry re-checks it too)
//  - An ARN that is not `arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id>` and not a
//    bare id → EventDataStoreARNInvalidException. No such store in this Region → EventDataStoreNotFound.
//  - Category: a store whose eventCategory selector is not Management/Data/NetworkActivity (e.g.
//    ConfigurationItem) → InvalidEventDataStoreCategoryException.
//  - Status: ENABLED and STOPPED_INGESTION accept imports. PENDING_DELETION →
//    InvalidEventDataStoreStatusException; CREATED, STARTING_INGESTION, STOPPING_INGESTION →
//    InactiveEventDataStoreException.
//  - Organization stores are accepted: the demo account is the organization's management account.
// Source
//  - S3LocationUri must be s3://bucket[/prefix] with a valid bucket name, else InvalidImportSource;
//    a bucket that does not exist → InvalidImportSourceException (checked at StartImport).
//  - S3BucketRegion must look like a Region code, S3BucketAccessRoleArn like an IAM role ARN, else
//    InvalidParameterException (the model leaves both unconstrained).
//  - Access (rules/import-access.ts), checked when the import initializes and again on every
//    retry: a role the local world does not know (another account's, a typo) or whose trust policy
//    does not let cloudtrail.amazonaws.com in for this account and store, or that may not
//    s3:ListBucket / s3:GetObject the source → one AccessDenied failure for the source location.
//    A bucket in another Region than S3BucketRegion → one PermanentRedirect failure (S3's code for
//    a request sent to the wrong Region) that names the bucket's Region.
//  - StartEventTime must not be after EndEventTime → InvalidParameterException.
// Reading (engine/, s3/import-read.ts)
//  - Objects in GLACIER or DEEP_ARCHIVE fail one by one as InvalidObjectState (S3's own code for a
//    GetObject that needs a restore); GLACIER_IR objects are read. SSE-KMS objects are read: key
//    policies are not modelled.
//  - Events older than the destination store's retention period (counted back from the moment
//    the file is read) are not copied and not counted in EventsCompleted; the file still counts.
//  - A bucket with ACLs enabled is imported like any other: AWS asks for ACLs to be disabled but
//    documents no failure for it.
// Statistics
//  - FilesCompleted, EventsCompleted, PrefixesFound and PrefixesCompleted never go down, also
//    during a retry or a resume: a prefix counted complete once is not counted again when its
//    retried files finish. FailedEntries counts entries still failing, so it falls as retries
//    succeed.
// Other calls
//  - LookupEvents: LOCAL_LAKE_LOOKUP_RATE calls per second per account and Region (default 2, as
//    AWS documents; 0 = no limit), as a token bucket that allows a burst of that many; beyond it
//    → ThrottlingException.
//  - A failed StartImport or StopImport (after authentication) is recorded as a management event
//    with errorCode and errorMessage and null responseElements.
import {
  LakeError,
  eventDataStoreArnInvalid,
  eventDataStoreNotFound,
  invalidParameter,
} from "../protocol/errors.ts";
import type { LakeState } from "../state/lake-state.ts";
import type { OngoingScope } from "./lookup-throttle.ts";
import type { EventDataStoreRecord, ImportRecord, ImportStatus } from "../state/types.ts";

const STORE_ARN_RE =
  /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):eventdatastore\/([A-Za-z0-9-]+)$/;
const STORE_ID_RE = /^[A-Za-z0-9-]+$/;
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const CLOUDTRAIL_CATEGORIES = ["Management", "Data", "NetworkActivity"];
const IMPORTABLE_STATUSES = ["ENABLED", "STOPPED_INGESTION"];

/** True for COMPLETED, FAILED and STOPPED. */
export function isTerminal(status: ImportStatus): boolean {
  return status === "COMPLETED" || status === "FAILED" || status === "STOPPED";
}

/**
 * Finds the store an ARN or bare id names in `region`.
 * Throws EventDataStoreARNInvalidException or EventDataStoreNotFoundException.
 */
export function findStore(
  state: LakeState,
  region: string,
  accountId: string,
  value: string,
): EventDataStoreRecord {
  const arn = STORE_ARN_RE.exec(value);
  if (!arn && (value.startsWith("arn:") || !STORE_ID_RE.test(value)))
    throw eventDataStoreArnInvalid(value);
  const found = arn
    ? arn[1] === region && arn[2] === accountId
      ? state.storesIn(region).find((s) => s.id === arn[3])
      : undefined
    : state.storesIn(region).find((s) => s.id === value);
  if (!found) throw eventDataStoreNotFound(value);
  return found;
}

/** True when the store collects CloudTrail events (not Config items, Insights or integrations). */
export function isCloudTrailEventStore(store: EventDataStoreRecord): boolean {
  for (const selector of store.advancedEventSelectors) {
    for (const field of selector.FieldSelectors) {
      if (field.Field !== "eventCategory") continue;
      if ((field.Equals ?? []).some((c) => !CLOUDTRAIL_CATEGORIES.includes(c))) return false;
    }
  }
  return true;
}

/** Throws unless the store may receive an import (category, then status). */
export function checkDestination(store: EventDataStoreRecord): void {
  if (!isCloudTrailEventStore(store)) {
    throw new LakeError(
      "InvalidEventDataStoreCategoryException",
      `Event data store ${store.arn} does not collect CloudTrail events. Imports can only copy into an event data store for CloudTrail events.`,
    );
  }
  if (IMPORTABLE_STATUSES.includes(store.status)) return;
  if (store.status === "PENDING_DELETION") {
    throw new LakeError(
      "InvalidEventDataStoreStatusException",
      `Event data store ${store.arn} is pending deletion (status PENDING_DELETION) and cannot receive imported events.`,
    );
  }
  throw new LakeError(
    "InactiveEventDataStoreException",
    `Event data store ${store.arn} is not active (status ${store.status}). Wait until it is ENABLED.`,
  );
}

/** Throws InvalidImportSource/InvalidParameter for a malformed source (not for a missing bucket). */
export function checkSourceShape(uriValid: boolean, bucketRegion: string, roleArn: string): void {
  if (!uriValid) {
    throw new LakeError(
      "InvalidImportSourceException",
      "S3LocationUri must be an S3 URI such as s3://bucket-name/prefix/ with a valid bucket name.",
    );
  }
  if (!REGION_RE.test(bucketRegion))
    throw invalidParameter(`S3BucketRegion '${bucketRegion}' is not a valid AWS Region.`);
  if (!ROLE_ARN_RE.test(roleArn))
    throw invalidParameter(`S3BucketAccessRoleArn '${roleArn}' is not a valid IAM role ARN.`);
}

/** Throws InvalidParameterException when the range is inverted. */
export function checkTimeRange(startMs: number | undefined, endMs: number | undefined): void {
  if (startMs !== undefined && endMs !== undefined && startMs > endMs) {
    throw invalidParameter("StartEventTime must be earlier than or equal to EndEventTime.");
  }
}

/** The account's running import (in this Region only, with scope "region"), if any. */
export function findOngoingImport(
  state: LakeState,
  accountId: string,
  region: string,
  scope: OngoingScope = "account",
): ImportRecord | undefined {
  const candidates = scope === "region" ? state.importsIn(region) : state.allImports();
  for (const record of candidates) {
    if (record.accountId === accountId && !isTerminal(record.status)) return record;
  }
  return undefined;
}

/** Throws AccountHasOngoingImportException naming the running import (and its Region). */
export function checkNoOngoingImport(
  state: LakeState,
  accountId: string,
  region: string,
  scope: OngoingScope,
): void {
  const running = findOngoingImport(state, accountId, region, scope);
  if (!running) return;
  const where = scope === "region" ? ` in ${region}` : "";
  throw new LakeError(
    "AccountHasOngoingImportException",
    `Account ${accountId} already has an ongoing import${where}: ${running.id} (${running.status} in ${running.region}). Wait for it to finish or stop it before starting another import.`,
  );
}

/** Throws OperationNotPermittedException unless the import may be stopped. */
export function checkCanStop(record: ImportRecord): void {
  if (record.status === "INITIALIZING" || record.status === "IN_PROGRESS") return;
  throw new LakeError(
    "OperationNotPermittedException",
    `Import ${record.id} is ${record.status}. Only imports that are INITIALIZING or IN_PROGRESS can be stopped.`,
  );
}

/** Throws OperationNotPermittedException unless the import may be retried. */
export function checkCanRetry(record: ImportRecord): void {
  if (record.status === "FAILED" || record.status === "STOPPED") return;
  throw new LakeError(
    "OperationNotPermittedException",
    `Import ${record.id} is ${record.status}. Only FAILED or STOPPED imports can be retried.`,
  );
}

/** The status an import ends in once its work list is done. */
export function finalStatus(record: ImportRecord): ImportStatus {
  return record.failures.some((f) => f.status === "FAILED") ? "FAILED" : "COMPLETED";
}

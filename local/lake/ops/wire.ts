// State records → awsJson1_1 output members. Timestamps go out as epoch seconds with
// millisecond precision (e.g. 1764205200.123), which both the JS SDK and botocore parse.
import type { EventDataStoreRecord, ImportFailure, ImportRecord } from "../state/types.ts";

/** Epoch ms → the wire's epoch seconds. */
export function seconds(ms: number): number {
  return ms / 1000;
}

function importSource(record: ImportRecord): Record<string, unknown> {
  return {
    S3: {
      S3LocationUri: record.source.uri,
      S3BucketRegion: record.source.bucketRegion,
      S3BucketAccessRoleArn: record.source.roleArn,
    },
  };
}

/** StartImport's output (no statistics); GetImport/StopImport add `ImportStatistics`. */
export function importToWire(
  record: ImportRecord,
  withStatistics: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ImportId: record.id,
    Destinations: [record.destination],
    ImportSource: importSource(record),
    ImportStatus: record.status,
    CreatedTimestamp: seconds(record.createdMs),
    UpdatedTimestamp: seconds(record.updatedMs),
  };
  if (record.startMs !== undefined) out.StartEventTime = seconds(record.startMs);
  if (record.endMs !== undefined) out.EndEventTime = seconds(record.endMs);
  if (withStatistics) {
    const s = record.stats;
    out.ImportStatistics = {
      PrefixesFound: s.prefixesFound,
      PrefixesCompleted: s.prefixesCompleted,
      FilesCompleted: s.filesCompleted,
      EventsCompleted: s.eventsCompleted,
      FailedEntries: s.failedEntries,
    };
  }
  return out;
}

/** ListImports items carry only id, status, destinations and the two timestamps. */
export function importListItem(record: ImportRecord): Record<string, unknown> {
  return {
    ImportId: record.id,
    ImportStatus: record.status,
    Destinations: [record.destination],
    CreatedTimestamp: seconds(record.createdMs),
    UpdatedTimestamp: seconds(record.updatedMs),
  };
}

export function failureToWire(failure: ImportFailure): Record<string, unknown> {
  return {
    Location: failure.location,
    Status: failure.status,
    ErrorType: failure.errorType,
    ErrorMessage: failure.errorMessage,
    LastUpdatedTime: seconds(failure.updatedMs),
  };
}

/** GetEventDataStore's full record. */
export function storeToWire(store: EventDataStoreRecord): Record<string, unknown> {
  return {
    EventDataStoreArn: store.arn,
    Name: store.name,
    Status: store.status,
    AdvancedEventSelectors: store.advancedEventSelectors,
    MultiRegionEnabled: store.multiRegionEnabled,
    OrganizationEnabled: store.organizationEnabled,
    RetentionPeriod: store.retentionPeriod,
    TerminationProtectionEnabled: store.terminationProtectionEnabled,
    CreatedTimestamp: seconds(store.createdMs),
    UpdatedTimestamp: seconds(store.updatedMs),
    ...(store.kmsKeyId === undefined ? {} : { KmsKeyId: store.kmsKeyId }),
    BillingMode: store.billingMode,
    FederationStatus: store.federationStatus,
  };
}

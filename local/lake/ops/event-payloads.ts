// requestParameters / responseElements of the management events the Lake records, in the
// lowerCamel JSON CloudTrail uses inside event records.
import type { ImportRecord } from "../state/types.ts";

const iso = (ms: number): string => new Date(ms).toISOString();

function importSourceJson(record: ImportRecord): Record<string, unknown> {
  return {
    s3: {
      s3LocationUri: record.source.uri,
      s3BucketRegion: record.source.bucketRegion,
      s3BucketAccessRoleArn: record.source.roleArn,
    },
  };
}

/** requestParameters of a new-import StartImport. */
export function newImportParameters(record: ImportRecord): Record<string, unknown> {
  return {
    destinations: [record.destination],
    importSource: importSourceJson(record),
    ...(record.startMs === undefined ? {} : { startEventTime: iso(record.startMs) }),
    ...(record.endMs === undefined ? {} : { endEventTime: iso(record.endMs) }),
  };
}

/** responseElements of StartImport and StopImport: the import as returned to the caller. */
export function importElements(record: ImportRecord): Record<string, unknown> {
  return {
    importId: record.id,
    destinations: [record.destination],
    importSource: importSourceJson(record),
    importStatus: record.status,
    ...(record.startMs === undefined ? {} : { startEventTime: iso(record.startMs) }),
    ...(record.endMs === undefined ? {} : { endEventTime: iso(record.endMs) }),
    createdTimestamp: iso(record.createdMs),
    updatedTimestamp: iso(record.updatedMs),
  };
}

/** The event's resources: the destination event data store. */
export function importResources(record: ImportRecord): { type: string; name: string }[] {
  return [{ type: "AWS::CloudTrail::EventDataStore", name: record.destination }];
}

// How one processed file (or a failure of the whole source) changes an import's record.
// FailedEntries counts entries still failing (FAILED or queued for RETRY), so it falls as retries
// succeed; FilesCompleted and EventsCompleted count what was copied.
import { parseS3Uri } from "../s3/s3-uri.ts";
import type { ImportFailure, ImportRecord } from "../state/types.ts";

/** Recomputes FailedEntries from the failure list. */
export function refreshFailedEntries(record: ImportRecord): void {
  record.stats.failedEntries = record.failures.filter((f) => f.status !== "SUCCEEDED").length;
}

/** The s3:// URI of an object of the import's source bucket. */
export function objectUri(record: ImportRecord, key: string): string {
  const bucket = parseS3Uri(record.source.uri)?.bucket ?? "";
  return `s3://${bucket}/${key}`;
}

function failureFor(record: ImportRecord, key: string | null): ImportFailure | undefined {
  return record.failures.find((f) => f.key === key);
}

/** A file was copied: count it, and settle its earlier failure as SUCCEEDED. */
export function applySuccess(record: ImportRecord, key: string, events: number, now: number): void {
  record.stats.filesCompleted += 1;
  record.stats.eventsCompleted += events;
  const earlier = failureFor(record, key);
  if (earlier && earlier.status !== "SUCCEEDED") {
    earlier.status = "SUCCEEDED";
    earlier.updatedMs = now;
  }
  refreshFailedEntries(record);
}

/** A file (or, with key null, the whole source) failed: add or update its failure entry. */
export function applyFailure(
  record: ImportRecord,
  key: string | null,
  errorType: string,
  errorMessage: string,
  now: number,
): void {
  const earlier = failureFor(record, key);
  if (earlier) {
    Object.assign(earlier, { status: "FAILED", errorType, errorMessage, updatedMs: now });
  } else {
    const location = key === null ? record.source.uri : objectUri(record, key);
    record.failures.push({
      key,
      location,
      status: "FAILED",
      errorType,
      errorMessage,
      updatedMs: now,
    });
  }
  refreshFailedEntries(record);
}

/** Moves the cursor forward past `key` (retried files lie before it and leave it alone). */
export function advanceCursor(record: ImportRecord, key: string): void {
  if (record.cursor === undefined || key > record.cursor) record.cursor = key;
}

/** Queues every FAILED entry for another attempt (the start of a retry). */
export function queueRetries(record: ImportRecord, now: number): void {
  for (const failure of record.failures) {
    if (failure.status === "FAILED") {
      failure.status = "RETRY";
      failure.updatedMs = now;
    }
  }
}

/** Entries queued for a retry that did not happen (the import was stopped) go back to FAILED. */
export function unqueueRetries(record: ImportRecord, now: number): void {
  for (const failure of record.failures) {
    if (failure.status === "RETRY") {
      failure.status = "FAILED";
      failure.updatedMs = now;
    }
  }
  refreshFailedEntries(record);
}

// Builders for runner tests: a plan, its chunks and observed imports with readable defaults.
import type { ChunkRow, PlanRow } from "@/lib/schemas/plan-rows";
import type { ObservedImport } from "./observed-import";

export const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store-a";
export const OTHER_ACCOUNT_STORE =
  "arn:aws:cloudtrail:us-east-1:444455556666:eventdatastore/store-b";
export const NOW = new Date("2026-02-01T12:00:00Z");

let counter = 0;
/** A deterministic UUID-shaped id from a number. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

export function planRow(overrides: Partial<PlanRow> = {}): PlanRow {
  return {
    id: uuid(1),
    name: "Backfill 2025",
    destination: STORE,
    chunkSize: "day",
    state: "active",
    maxRetries: 3,
    createdBy: "ana@example.com",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: undefined,
    ...overrides,
  };
}

export function chunkRow(index: number, overrides: Partial<ChunkRow> = {}): ChunkRow {
  counter += 1;
  const start = new Date(Date.UTC(2025, 0, 1 + index));
  return {
    id: uuid(1000 + index),
    planId: uuid(1),
    key: `key-${index}-${counter}`,
    index,
    s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail/",
    bucketRegion: "us-east-1",
    roleArn: "arn:aws:iam::111122223333:role/Import",
    start,
    end: new Date(start.getTime() + 86_399_000),
    state: "pending",
    attempts: 0,
    importId: undefined,
    claimedAt: undefined,
    nextAttemptAt: undefined,
    lastError: undefined,
    statistics: undefined,
    finishedAt: undefined,
    ...overrides,
  };
}

export function observed(
  importId: string,
  overrides: Partial<ObservedImport> = {},
): ObservedImport {
  return {
    importId,
    region: "us-east-1",
    status: "IN_PROGRESS",
    destinations: [STORE],
    createdAt: "2026-02-01T11:00:00.000Z",
    updatedAt: "2026-02-01T11:30:00.000Z",
    ...overrides,
  };
}

export const IMPORT_A = "aaaaaaaa-0000-4000-8000-000000000001";
export const IMPORT_B = "bbbbbbbb-0000-4000-8000-000000000002";
export const IMPORT_C = "cccccccc-0000-4000-8000-000000000003";

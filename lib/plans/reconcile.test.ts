import { describe, expect, it } from "vitest";
import { decideTick } from "./runner-decision";
import { matchClaimedImports } from "./reconcile";
import {
  IMPORT_A,
  IMPORT_B,
  IMPORT_C,
  NOW,
  STORE,
  chunkRow,
  observed,
  planRow,
} from "./runner-fixtures";

const CLAIM = {
  s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail/",
  bucketRegion: "us-east-1",
  start: new Date("2025-01-01T00:00:00Z"),
  end: new Date("2025-01-01T23:59:59Z"),
  claimedAt: new Date("2026-02-01T11:59:00Z"),
};
const exact = (id: string, createdAt = "2026-02-01T11:59:01Z") =>
  observed(id, {
    createdAt,
    source: { s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail", bucketRegion: "us-east-1" },
    startEventTime: "2025-01-01T00:00:00Z",
    endEventTime: "2025-01-01T23:59:59.400Z",
  });

describe("matchClaimedImports", () => {
  it("matches destination, prefix (slash-insensitive), Region and the window to the second", () => {
    expect(
      matchClaimedImports(CLAIM, STORE, [exact(IMPORT_A)], new Set()).map((i) => i.importId),
    ).toEqual([IMPORT_A]);
  });

  it("ignores imports of another window, prefix, store or Region", () => {
    const misses = [
      { ...exact(IMPORT_A), endEventTime: "2025-01-02T23:59:59Z" },
      { ...exact(IMPORT_B), source: { s3Uri: "s3://trail-logs/other/" } },
      {
        ...exact(IMPORT_C),
        destinations: ["arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/other"],
      },
      { ...exact(IMPORT_C), source: { s3Uri: CLAIM.s3Uri, bucketRegion: "eu-west-1" } },
      { ...exact(IMPORT_C), source: undefined },
    ];
    expect(matchClaimedImports(CLAIM, STORE, misses, new Set())).toEqual([]);
  });

  it("ignores imports created well before the claim and imports other chunks recorded", () => {
    expect(
      matchClaimedImports(CLAIM, STORE, [exact(IMPORT_A, "2026-02-01T11:50:00Z")], new Set()),
    ).toEqual([]);
    expect(
      matchClaimedImports(CLAIM, STORE, [exact(IMPORT_A, "2026-02-01T11:55:00Z")], new Set()),
    ).toHaveLength(1);
    expect(matchClaimedImports(CLAIM, STORE, [exact(IMPORT_A)], new Set([IMPORT_A]))).toEqual([]);
  });

  it("orders several matches oldest first", () => {
    const found = matchClaimedImports(
      CLAIM,
      STORE,
      [exact(IMPORT_B, "2026-02-01T11:59:30Z"), exact(IMPORT_A)],
      new Set(),
    );
    expect(found.map((i) => i.importId)).toEqual([IMPORT_A, IMPORT_B]);
  });
});

describe("a crash between claim and record", () => {
  const starting = chunkRow(0, { state: "starting", attempts: 1, claimedAt: CLAIM.claimedAt });
  const plans = [{ plan: planRow(), chunks: [starting, chunkRow(1)] }];
  const base = { now: NOW, plans, listedScopes: ["111122223333"], random: () => 0.5 };

  it("adopts the import the interrupted start created instead of starting another", () => {
    expect(decideTick({ ...base, imports: [exact(IMPORT_A)] })).toEqual([
      { type: "adopt-import", planId: plans[0]!.plan.id, chunkId: starting.id, importId: IMPORT_A },
    ]);
  });

  it("reports a second import for the same chunk", () => {
    const effects = decideTick({
      ...base,
      imports: [exact(IMPORT_A), exact(IMPORT_B, "2026-02-01T11:59:40Z")],
    });
    expect(effects).toMatchObject([
      { type: "adopt-import", importId: IMPORT_A },
      { event: { kind: "needs-attention" } },
    ]);
  });

  it("waits within the grace period, then gives the claim up as an attempt", () => {
    expect(decideTick({ ...base, imports: [] })).toEqual([]);
    const late = new Date(CLAIM.claimedAt.getTime() + 11 * 60_000);
    // No import is running in the account, so the next chunk may start while this one waits its turn.
    expect(decideTick({ ...base, now: late, imports: [] })).toMatchObject([
      { type: "schedule-retry", chunkId: starting.id },
      { type: "start-import", chunkId: chunkRow(1).id },
    ]);
  });

  it("adopts a retried import that CloudTrail touched after the claim", () => {
    const retrying = chunkRow(0, {
      state: "starting",
      attempts: 2,
      importId: IMPORT_A,
      claimedAt: CLAIM.claimedAt,
    });
    const effects = decideTick({
      ...base,
      plans: [{ plan: planRow(), chunks: [retrying] }],
      imports: [observed(IMPORT_A, { status: "FAILED", updatedAt: "2026-02-01T11:59:30Z" })],
    });
    expect(effects).toMatchObject([{ type: "adopt-import", importId: IMPORT_A }]);
  });
});

import { describe, expect, it } from "vitest";
import type { ChunkRow, PlanRow } from "@/lib/schemas/plan-rows";
import { isPlanViewLive, toPlanView } from "./plan-view";

const PLAN: PlanRow = {
  id: "00000000-0000-4000-8000-0000000000aa",
  name: undefined,
  destination: "arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/abc-123",
  chunkSize: "day",
  state: "active",
  maxRetries: 3,
  createdBy: "alice@example.com",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: undefined,
};

function chunk(index: number, patch: Partial<ChunkRow>): ChunkRow {
  const start = new Date(Date.UTC(2025, 0, 1 + index));
  return {
    id: `00000000-0000-4000-8000-00000000000${index}`,
    planId: PLAN.id,
    key: `k${index}`,
    index,
    s3Uri: "s3://org/AWSLogs/o-aaaaaaaaaa/111122223333/CloudTrail/",
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
    ...patch,
  };
}

const SOURCES = [
  {
    index: 0,
    s3Uri: "s3://org/",
    bucketRegion: "us-east-1",
    roleArn: "arn:aws:iam::111122223333:role/Import",
    organizationId: "o-aaaaaaaaaa",
    accountIds: ["111122223333"],
  },
];

describe("toPlanView", () => {
  it("links each import in the store's Region and names the organisation source", () => {
    const view = toPlanView(
      {
        plan: PLAN,
        sources: SOURCES,
        chunks: [
          chunk(1, { state: "pending" }),
          chunk(0, {
            state: "completed",
            importId: "11111111-2222-4333-8444-555555555555",
            statistics: { eventsCompleted: 1200, filesCompleted: 30 },
          }),
        ],
      },
      new Date("2026-01-02T00:00:00Z"),
    );
    expect(view.name).toBe("Plan 00000000");
    expect(view.chunks.map((c) => c.index)).toEqual([0, 1]);
    expect(view.chunks[0]).toMatchObject({
      sourceNumber: 1,
      importHref: "/imports/11111111-2222-4333-8444-555555555555?region=eu-west-1",
      start: "2025-01-01T00:00:00.000Z",
    });
    expect(view.chunks[1]?.importHref).toBeNull();
    expect(view.progress).toMatchObject({ percent: 50, eventsCompleted: 1200, filesCompleted: 30 });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe("isPlanViewLive", () => {
  it("keeps watching a cancelled plan until its running import is stopped", () => {
    expect(isPlanViewLive({ state: "cancelled", chunks: [] })).toBe(false);
    const running = toPlanView(
      { plan: PLAN, sources: SOURCES, chunks: [chunk(0, { state: "running" })] },
      new Date(),
    ).chunks;
    expect(isPlanViewLive({ state: "cancelled", chunks: running })).toBe(true);
    expect(isPlanViewLive({ state: "completed", chunks: [] })).toBe(false);
  });
});

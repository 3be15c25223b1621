import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { planDraftSchema, type PlanDraft } from "@/lib/schemas/plan";
import { buildChunks, chunkKey } from "./chunks";
import { DAY_MS, countChunks, splitRange } from "./ranges";

const iso = (d: Date) => d.toISOString();

describe("splitRange", () => {
  it("cuts days, ending each a second before the next starts", () => {
    const windows = splitRange({ from: "2026-03-28", to: "2026-03-30" }, "day");
    expect(windows.map((w) => [iso(w.start), iso(w.end)])).toEqual([
      ["2026-03-28T00:00:00.000Z", "2026-03-28T23:59:59.000Z"],
      // 29 March 2026 is a daylight-saving change in Europe; UTC days stay 24 hours.
      ["2026-03-29T00:00:00.000Z", "2026-03-29T23:59:59.000Z"],
      ["2026-03-30T00:00:00.000Z", "2026-03-30T23:59:59.000Z"],
    ]);
  });

  it("cuts ISO weeks from Monday, clipped to the range", () => {
    // 2026-01-01 is a Thursday; 2026-01-05 and 2026-01-12 are Mondays.
    const windows = splitRange({ from: "2026-01-01", to: "2026-01-14" }, "week");
    expect(windows.map((w) => [iso(w.start).slice(0, 10), iso(w.end), w.days])).toEqual([
      ["2026-01-01", "2026-01-04T23:59:59.000Z", 4],
      ["2026-01-05", "2026-01-11T23:59:59.000Z", 7],
      ["2026-01-12", "2026-01-14T23:59:59.000Z", 3],
    ]);
  });

  it("starts a new week on a Monday that is the first day", () => {
    const windows = splitRange({ from: "2026-01-05", to: "2026-01-11" }, "week");
    expect(windows).toHaveLength(1);
    expect(windows[0]?.days).toBe(7);
  });

  it("cuts calendar months, leap February included", () => {
    const windows = splitRange({ from: "2024-01-15", to: "2024-03-31" }, "month");
    expect(windows.map((w) => [iso(w.start).slice(0, 10), w.days])).toEqual([
      ["2024-01-15", 17],
      ["2024-02-01", 29],
      ["2024-03-01", 31],
    ]);
  });

  it("keeps the whole range as one window", () => {
    const [only, ...rest] = splitRange({ from: "2025-12-31", to: "2026-01-02" }, "whole");
    expect(rest).toEqual([]);
    expect([iso(only!.start), iso(only!.end), only!.days]).toEqual([
      "2025-12-31T00:00:00.000Z",
      "2026-01-02T23:59:59.000Z",
      3,
    ]);
  });

  it("covers every day exactly once for any size", () => {
    for (const size of ["day", "week", "month", "whole"] as const) {
      const windows = splitRange({ from: "2023-11-20", to: "2024-03-03" }, size);
      const total = windows.reduce((sum, w) => sum + w.days, 0);
      expect(total, size).toBe(105);
      windows.slice(1).forEach((w, i) => {
        expect(w.start.getTime() - windows[i]!.end.getTime(), size).toBe(1000);
        expect(w.start.getTime() % DAY_MS).toBe(0);
      });
    }
  });

  it("returns nothing for a reversed or invalid range", () => {
    expect(splitRange({ from: "2026-01-02", to: "2026-01-01" }, "day")).toEqual([]);
    expect(splitRange({ from: "2026-02-30", to: "2026-03-01" }, "day")).toEqual([]);
  });
});

const ROLE = "arn:aws:iam::111122223333:role/Import";
const DRAFT: PlanDraft = planDraftSchema.parse({
  destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store",
  sources: [
    {
      s3Uri: "s3://plain-logs/AWSLogs/111122223333/CloudTrail/",
      bucketRegion: "us-east-1",
      roleArn: ROLE,
    },
    {
      s3Uri: "s3://org-trail/",
      bucketRegion: "eu-west-1",
      roleArn: ROLE,
      organization: {
        organizationId: "o-abcdefghij",
        accountIds: ["444455556666", "777788889999"],
      },
    },
  ],
  range: { from: "2020-01-01", to: "2020-01-02" },
  chunkSize: "day",
});
const PLAN = "7a0e2d54-8c1b-4f6e-9a3d-2b5c8e1f4a70";

describe("buildChunks", () => {
  it("makes one chunk per window and prefix, oldest window first", () => {
    const chunks = buildChunks(PLAN, DRAFT);
    expect(chunks).toHaveLength(6);
    expect(countChunks(DRAFT)).toBe(6);
    expect(
      chunks.map((c) => [c.index, iso(c.start).slice(0, 10), c.accountId ?? "-", c.bucketRegion]),
    ).toEqual([
      [0, "2020-01-01", "-", "us-east-1"],
      [1, "2020-01-01", "444455556666", "eu-west-1"],
      [2, "2020-01-01", "777788889999", "eu-west-1"],
      [3, "2020-01-02", "-", "us-east-1"],
      [4, "2020-01-02", "444455556666", "eu-west-1"],
      [5, "2020-01-02", "777788889999", "eu-west-1"],
    ]);
    expect(chunks[1]?.s3Uri).toBe("s3://org-trail/AWSLogs/o-abcdefghij/444455556666/CloudTrail/");
  });

  it("gives stable, distinct keys", () => {
    const once = buildChunks(PLAN, DRAFT).map((c) => c.key);
    expect(buildChunks(PLAN, DRAFT).map((c) => c.key)).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
    expect(buildChunks("0d6f1c2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5", DRAFT)[0]?.key).not.toBe(once[0]);
  });

  it("hashes plan, destination, prefix and window joined by newlines", () => {
    const start = new Date("2020-01-01T00:00:00Z");
    const end = new Date("2020-01-01T23:59:59Z");
    const expected = createHash("sha256")
      .update(`p\nd\ns3://x/\n2020-01-01T00:00:00.000Z\n2020-01-01T23:59:59.000Z`)
      .digest("hex");
    expect(chunkKey({ planId: "p", destination: "d", s3Uri: "s3://x/", start, end })).toBe(
      expected,
    );
  });
});

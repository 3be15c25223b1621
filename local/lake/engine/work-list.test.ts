import { describe, expect, it } from "vitest";
import type { ImportRecord } from "../state/types.ts";
import { buildWorkList } from "./work-list.ts";

const listing = [
  { prefix: "p1/", files: ["p1/a", "p1/b"].map((key) => ({ key, path: `/x/${key}`, size: 1 })) },
  { prefix: "p2/", files: ["p2/c", "p2/d"].map((key) => ({ key, path: `/x/${key}`, size: 1 })) },
];

function record(extra: Partial<ImportRecord>): ImportRecord {
  return {
    id: "i",
    accountId: "a",
    region: "r",
    destination: "d",
    source: { uri: "s3://b/", bucketRegion: "us-east-1", roleArn: "r" },
    status: "INITIALIZING",
    createdMs: 0,
    updatedMs: 0,
    stats: {
      prefixesFound: 0,
      prefixesCompleted: 0,
      filesCompleted: 0,
      eventsCompleted: 0,
      failedEntries: 0,
    },
    failures: [],
    ...extra,
  };
}

const failure = (key: string, status: "FAILED" | "RETRY") => ({
  key,
  location: `s3://b/${key}`,
  status,
  errorType: "X",
  errorMessage: "bad!",
  updatedMs: 0,
});

describe("buildWorkList", () => {
  it("takes every file of a new import", () => {
    const work = buildWorkList(record({}), listing);
    expect(work.items.map((i) => i.key)).toEqual(["p1/a", "p1/b", "p2/c", "p2/d"]);
    expect([work.prefixesFound, work.prefixesCompleted]).toEqual([2, 0]);
  });

  it("resumes after the cursor and re-reads files queued for retry", () => {
    const work = buildWorkList(
      record({ cursor: "p1/b", failures: [failure("p1/a", "RETRY")] }),
      listing,
    );
    expect(work.items.map((i) => i.key)).toEqual(["p1/a", "p2/c", "p2/d"]);
    expect(work.remaining.get("p1/")).toBe(1);
  });

  it("after the end of the listing, reads only RETRY entries and reports vanished ones", () => {
    const failures = [
      failure("p2/d", "RETRY"),
      failure("p1/a", "FAILED"),
      failure("gone/x", "RETRY"),
    ];
    const work = buildWorkList(record({ cursor: "p2/d", exhausted: true, failures }), listing);
    expect(work.items.map((i) => i.key)).toEqual(["p2/d"]);
    // p2 was counted complete when the first run read past it; its retry must not undo that.
    expect(work.prefixesCompleted).toBe(2);
    expect([...work.counted]).toEqual(["p2/"]);
    expect(work.vanished).toEqual(["gone/x"]);
  });
});

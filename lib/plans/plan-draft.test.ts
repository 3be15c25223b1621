import { describe, expect, it } from "vitest";
import {
  accountIdsIn,
  clampPlanStep,
  markPlanStep,
  parsePlanDraft,
  planPrefill,
  presetRange,
} from "./plan-draft";

const NOW = new Date("2026-03-15T10:00:00Z");
const ARN = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/abc-123";

describe("presetRange", () => {
  it("ends yesterday in UTC and counts both ends", () => {
    expect(presetRange("30d", NOW)).toEqual({ from: "2026-02-13", to: "2026-03-14" });
    expect(presetRange("12m", NOW)).toEqual({ from: "2025-03-15", to: "2026-03-14" });
    expect(presetRange("year", NOW)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });
});

describe("parsePlanDraft", () => {
  it("keeps what it can read of a damaged draft and blanks the rest", () => {
    const draft = parsePlanDraft(
      JSON.stringify({
        values: { destination: ARN, sources: "nope", chunkSize: "hour" },
        completed: ["destination", "bogus"],
      }),
    );
    expect(draft.values.destination).toBe(ARN);
    expect(draft.values.sources).toEqual([{ s3Uri: "", bucketRegion: "", roleArn: "" }]);
    expect(draft.values.chunkSize).toBe("month");
    expect(draft.completed).toEqual([]);
    expect(parsePlanDraft("{not json").values.destination).toBe("");
  });
});

describe("clampPlanStep", () => {
  it("opens no step beyond the first unfinished one", () => {
    expect(clampPlanStep("review", ["destination"])).toBe("sources");
    expect(clampPlanStep("range", ["destination", "sources"])).toBe("range");
    expect(clampPlanStep("nonsense", [])).toBe("destination");
    expect(markPlanStep(["destination", "range"], "sources")).toEqual([
      "destination",
      "sources",
      "range",
    ]);
  });
});

describe("planPrefill", () => {
  it("keeps only a valid store and a complete pair of real days", () => {
    expect(planPrefill({ store: ARN, from: "2025-01-01", to: "2025-01-31" })).toEqual({
      destination: ARN,
      range: { from: "2025-01-01", to: "2025-01-31" },
    });
    expect(planPrefill({ store: "not-an-arn", from: "2025-02-30", to: "2025-03-01" })).toEqual({});
  });
});

describe("accountIdsIn", () => {
  it("finds each 12-digit id once in pasted text and ignores longer numbers", () => {
    expect(accountIdsIn("111122223333, 444455556666\n111122223333 1234567890123")).toEqual([
      "111122223333",
      "444455556666",
    ]);
  });
});

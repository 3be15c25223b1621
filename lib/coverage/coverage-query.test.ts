import { describe, expect, it } from "vitest";
import { defaultCoverageRange, parseCoverageQuery } from "./coverage-query";

const NOW = new Date("2026-03-15T10:00:00Z");
const ARN = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/abc-123";

describe("parseCoverageQuery", () => {
  it("defaults to the twelve months ending yesterday, UTC", () => {
    expect(defaultCoverageRange(NOW)).toEqual({ from: "2025-03-15", to: "2026-03-14" });
    expect(parseCoverageQuery({}, NOW)).toEqual({
      store: undefined,
      from: "2025-03-15",
      to: "2026-03-14",
      ignored: [],
    });
  });

  it("keeps a valid store and range", () => {
    expect(parseCoverageQuery({ store: ARN, from: "2024-01-01", to: "2024-06-30" }, NOW)).toEqual({
      store: ARN,
      from: "2024-01-01",
      to: "2024-06-30",
      ignored: [],
    });
  });

  it("says which parameters it replaced", () => {
    const query = parseCoverageQuery({ store: "nope", from: "2024-06-30", to: "2024-01-01" }, NOW);
    expect(query.store).toBeUndefined();
    expect(query.from).toBe("2025-03-15");
    expect(query.ignored).toEqual([
      "store (not an event data store ARN)",
      "from and to (two real UTC days, first one first)",
    ]);
    expect(parseCoverageQuery({ from: "2015-01-01", to: "2025-01-01" }, NOW).ignored).toEqual([
      "from and to (at most 1827 days)",
    ]);
  });
});

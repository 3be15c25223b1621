import { describe, expect, it } from "vitest";
import { buildCoverage, type CoverageImport } from "./timeline";

const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store-a";
const imp = (
  id: string,
  status: string,
  start?: string,
  end?: string,
  store = STORE,
): CoverageImport => ({
  importId: id,
  status,
  destinations: [store],
  ...(start ? { startEventTime: start } : {}),
  ...(end ? { endEventTime: end } : {}),
});
const states = (coverage: ReturnType<typeof buildCoverage>) =>
  coverage.days.map((d) => `${d.state}${d.partial ? "*" : ""}`);

describe("buildCoverage", () => {
  it("marks whole days by the best state and leaves the rest missing", () => {
    const coverage = buildCoverage({
      store: STORE,
      from: "2026-01-01",
      to: "2026-01-06",
      imports: [
        imp("a", "FAILED", "2026-01-01T00:00:00Z", "2026-01-03T23:59:59Z"),
        imp("b", "COMPLETED", "2026-01-02T00:00:00Z", "2026-01-02T23:59:59Z"),
        imp("c", "IN_PROGRESS", "2026-01-04T00:00:00Z", "2026-01-04T23:59:59Z"),
      ],
      planned: [{ start: new Date("2026-01-04T00:00:00Z"), end: new Date("2026-01-05T23:59:59Z") }],
    });
    expect(states(coverage)).toEqual([
      "failed",
      "completed",
      "failed",
      "in-progress",
      "planned",
      "missing",
    ]);
    expect(coverage.gaps).toEqual([{ from: "2026-01-06", to: "2026-01-06", days: 1 }]);
    expect(coverage.summary).toBe(
      "2026-01-01 to 2026-01-06: 1 day completed, 1 in progress, 2 failed, 1 planned, 1 missing",
    );
  });

  it("merges equal days into segments", () => {
    const coverage = buildCoverage({
      store: STORE,
      from: "2026-01-01",
      to: "2026-01-05",
      imports: [imp("a", "COMPLETED", "2026-01-02T00:00:00Z", "2026-01-03T23:59:00Z")],
    });
    expect(coverage.segments).toEqual([
      { from: "2026-01-01", to: "2026-01-01", days: 1, state: "missing", partial: false },
      { from: "2026-01-02", to: "2026-01-03", days: 2, state: "completed", partial: false },
      { from: "2026-01-04", to: "2026-01-05", days: 2, state: "missing", partial: false },
    ]);
  });

  it("flags days an import covered only in part", () => {
    const coverage = buildCoverage({
      store: STORE,
      from: "2026-01-01",
      to: "2026-01-03",
      imports: [imp("a", "COMPLETED", "2026-01-01T12:00:00Z", "2026-01-03T06:00:00Z")],
    });
    expect(states(coverage)).toEqual(["completed*", "completed", "completed*"]);
    expect(coverage.summary).toBe("2026-01-01 to 2026-01-03: 3 days completed, 2 partly covered");
    // A whole-day import with a worse state does not hide a better partial one, nor the reverse.
    const mixed = buildCoverage({
      store: STORE,
      from: "2026-01-01",
      to: "2026-01-01",
      imports: [
        imp("a", "COMPLETED", "2026-01-01T12:00:00Z", "2026-01-01T13:00:00Z"),
        imp("b", "COMPLETED", "2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z"),
      ],
    });
    expect(states(mixed)).toEqual(["completed"]);
  });

  it("ignores other stores, counts an import listed in two Regions once, and reads open ranges as everything", () => {
    const coverage = buildCoverage({
      store: STORE,
      from: "2026-01-01",
      to: "2026-01-03",
      imports: [
        imp(
          "x",
          "COMPLETED",
          undefined,
          undefined,
          "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/other",
        ),
        imp("a", "STOPPED", undefined, "2026-01-01T23:59:59Z"),
        imp("a", "STOPPED"),
        imp("b", "UNKNOWN", "2026-01-03T00:00:00Z"),
      ],
    });
    expect(states(coverage)).toEqual(["stopped", "missing", "in-progress"]);
  });

  it("returns no days for a reversed window", () => {
    expect(
      buildCoverage({ store: STORE, from: "2026-01-02", to: "2026-01-01", imports: [] }).summary,
    ).toBe("2026-01-02 to 2026-01-01: no days");
  });

  it("agrees with a naive day-by-day loop over 10,000 imports and five years", () => {
    const imports: CoverageImport[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const statuses = ["COMPLETED", "FAILED", "STOPPED", "IN_PROGRESS"];
    const base = Date.UTC(2021, 0, 1);
    for (let i = 0; i < 10_000; i += 1) {
      const start = base + Math.floor(rand() * 1800) * 86_400_000;
      const end = start + Math.floor(rand() * 30 + 1) * 86_400_000 - 1000;
      imports.push(
        imp(
          `i${i}`,
          statuses[i % 4] ?? "COMPLETED",
          new Date(start).toISOString(),
          new Date(end).toISOString(),
        ),
      );
    }
    // Speed is the benchmark's business; this checks the sweep agrees with a naive day-by-day loop.
    const coverage = buildCoverage({ store: STORE, from: "2021-01-01", to: "2025-12-31", imports });
    const rank = ["completed", "in-progress", "failed", "stopped"];
    const ranges = imports.map((i) => ({
      start: Date.parse(i.startEventTime ?? ""),
      end: Date.parse(i.endEventTime ?? ""),
      rank: rank.indexOf(i.status === "IN_PROGRESS" ? "in-progress" : i.status.toLowerCase()),
    }));
    const naive = coverage.days.map((day) => {
      const t = Date.parse(`${day.day}T00:00:00Z`);
      let best = rank.length;
      for (const r of ranges)
        if (r.start <= t && r.end >= t + 86_399_000) best = Math.min(best, r.rank);
      return rank[best] ?? "missing";
    });
    expect(coverage.days.map((d) => d.state)).toEqual(naive);
  });
});

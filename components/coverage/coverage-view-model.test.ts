import { describe, expect, it } from "vitest";
import { buildCoverage } from "@/lib/coverage/timeline";
import { coverageViewModel, newPlanHref } from "./coverage-view-model";

const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store-a";

describe("coverageViewModel", () => {
  const coverage = buildCoverage({
    store: STORE,
    from: "2026-01-30",
    to: "2026-02-03",
    imports: [
      {
        importId: "a",
        status: "COMPLETED",
        destinations: [STORE],
        startEventTime: "2026-01-30T00:00:00Z",
        endEventTime: "2026-01-30T23:59:59Z",
      },
    ],
  });
  const months = coverageViewModel(coverage, STORE);

  it("groups segments by month and splits a gap at the month end", () => {
    expect(
      months.map((m) => [m.label, m.cells.map((c) => [c.from, c.to, c.state, c.column])]),
    ).toEqual([
      [
        "January 2026",
        [
          ["2026-01-30", "2026-01-30", "completed", 30],
          ["2026-01-31", "2026-01-31", "missing", 31],
        ],
      ],
      ["February 2026", [["2026-02-01", "2026-02-03", "missing", 1]]],
    ]);
  });

  it("links each piece of a gap to a plan for the whole gap", () => {
    const href = newPlanHref(STORE, "2026-01-31", "2026-02-03");
    expect(months[0]?.cells[1]?.href).toBe(href);
    expect(months[1]?.cells[0]?.href).toBe(href);
    expect(months[0]?.cells[0]?.href).toBeUndefined();
    expect(href).toBe(
      `/plans/new?store=${encodeURIComponent(STORE)}&from=2026-01-31&to=2026-02-03`,
    );
  });

  it("labels every segment in words for screen readers", () => {
    expect(months[0]?.cells[0]?.label).toBe("2026-01-30: completed (1 day)");
    expect(months[1]?.cells[0]?.label).toBe(
      "2026-02-01 to 2026-02-03: missing (3 days). Plan an import of 2026-01-31 to 2026-02-03",
    );
  });
});

describe("coverageViewModel without plan links", () => {
  it("offers no new-plan link to people who can't create plans", () => {
    const coverage = buildCoverage({
      store: STORE,
      from: "2025-01-01",
      to: "2025-01-03",
      imports: [],
    });
    const cells = coverageViewModel(coverage, STORE, { planLinks: false }).flatMap((m) => m.cells);
    expect(cells.every((cell) => cell.href === undefined)).toBe(true);
    expect(cells[0]?.label).toBe("2025-01-01 to 2025-01-03: missing (3 days)");
  });
});

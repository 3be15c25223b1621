import { describe, expect, it } from "vitest";
import { activityFilterParams, parseActivityFilters } from "./activity";

describe("parseActivityFilters", () => {
  it("reads UTC date-times without a zone and keeps valid filters", () => {
    const { filters, invalid } = parseActivityFilters({
      person: " Alice@Example.test ",
      outcome: "refused",
      from: "2030-01-31T09:30",
      to: "2030-02-01",
    });
    expect(invalid).toEqual([]);
    expect(filters.person).toBe("alice@example.test");
    expect(filters.from?.toISOString()).toBe("2030-01-31T09:30:00.000Z");
    expect(filters.to?.toISOString()).toBe("2030-02-01T00:00:00.000Z");
  });

  it("drops and names filters that do not parse, including a time with a zone", () => {
    const { filters, invalid } = parseActivityFilters({
      outcome: "maybe",
      from: "2030-01-31T09:30+02:00",
      action: "DROP TABLE",
      import: ["a", "b"],
    });
    expect(filters).toEqual({});
    expect(invalid.sort()).toEqual(["action", "from", "outcome"]);
  });

  it("writes filters back to the same URL form", () => {
    const { filters } = parseActivityFilters({ from: "2030-01-31T09:30", action: "start" });
    expect(activityFilterParams(filters).toString()).toBe("action=start&from=2030-01-31T09%3A30");
  });
});

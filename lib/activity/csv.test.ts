import { describe, expect, it } from "vitest";
import { activityEntrySchema } from "@/lib/schemas/activity";
import { ACTIVITY_CSV_HEADER, activityCsvLine, csvCell } from "./csv";

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, after neutralising", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell(null)).toBe("");
  });
});

describe("activityCsvLine", () => {
  it("writes one cell per header column, times in UTC", () => {
    const entry = activityEntrySchema.parse({
      id: "7d0c2f5e-0000-4000-8000-000000000001",
      occurredAt: new Date("2030-01-02T03:04:05.006Z"),
      actorEmail: "alice@example.test",
      action: "start",
      outcome: "ok",
      timeRange: { start: "2029-01-01T00:00:00Z", end: "2029-02-01T00:00:00Z" },
    });
    const cells = activityCsvLine(entry).trimEnd().split(",");
    expect(cells).toHaveLength(ACTIVITY_CSV_HEADER.length);
    expect(cells[0]).toBe("2030-01-02T03:04:05.006Z");
    expect(cells[12]).toBe("2029-01-01T00:00:00Z");
  });
});

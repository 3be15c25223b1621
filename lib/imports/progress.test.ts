import { describe, expect, it } from "vitest";
import { FINDING_FILES_TEXT, progressDisplay } from "./progress";

describe("progressDisplay", () => {
  it("draws no bar while CloudTrail is finding the log files", () => {
    expect(progressDisplay(undefined, "INITIALIZING")).toEqual({
      kind: "finding",
      text: FINDING_FILES_TEXT,
    });
    expect(progressDisplay({ prefixesFound: 0, prefixesCompleted: 0 }, "INITIALIZING").kind).toBe(
      "finding",
    );
  });

  it("shows the real ratio while in progress, and an unknown total as unknown, never as full", () => {
    expect(progressDisplay({ prefixesFound: 8, prefixesCompleted: 2 }, "IN_PROGRESS")).toEqual({
      kind: "running",
      percent: 25,
      text: "2 of 8 prefixes (25%)",
    });
    expect(progressDisplay({ prefixesCompleted: 3 }, "IN_PROGRESS")).toEqual({
      kind: "running",
      percent: null,
      text: "3 prefixes copied, total not known yet",
    });
  });

  it("ends with a still bar where each finished import stopped, toned by outcome", () => {
    expect(progressDisplay({ prefixesFound: 8, prefixesCompleted: 8 }, "COMPLETED")).toEqual({
      kind: "final",
      percent: 100,
      text: "8 of 8 prefixes (100%)",
      tone: "success",
    });
    expect(progressDisplay({ prefixesFound: 8, prefixesCompleted: 6 }, "FAILED")).toMatchObject({
      kind: "final",
      percent: 75,
      tone: "destructive",
    });
    expect(progressDisplay({ prefixesFound: 8, prefixesCompleted: 1 }, "STOPPED")).toMatchObject({
      kind: "final",
      percent: 12,
      tone: "warning",
    });
    expect(progressDisplay(undefined, "STOPPED")).toMatchObject({
      kind: "final",
      percent: 0,
      text: "No prefixes found",
    });
  });
});

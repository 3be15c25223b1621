// Status rules, progress, polling cadence and formatting of imports.
import { describe, expect, it } from "vitest";
import { IMPORT_STATUSES } from "@/lib/schemas/import-status";
import { formatUtc, shortImportId } from "./format";
import { POLL_BASE_MS, POLL_MAX_MS, nextPollDelay } from "./polling";
import { progressOf, progressText } from "./progress";
import { canRetry, canStop, explainStatus, isTerminalStatus } from "./status";

describe("status rules", () => {
  it("treats COMPLETED, FAILED and STOPPED as terminal", () => {
    expect(IMPORT_STATUSES.filter(isTerminalStatus)).toEqual(["COMPLETED", "FAILED", "STOPPED"]);
    expect(isTerminalStatus("UNKNOWN")).toBe(false);
  });

  it("offers retry for FAILED/STOPPED and stop for INITIALIZING/IN_PROGRESS only", () => {
    expect(IMPORT_STATUSES.filter(canRetry)).toEqual(["FAILED", "STOPPED"]);
    expect(IMPORT_STATUSES.filter(canStop)).toEqual(["INITIALIZING", "IN_PROGRESS"]);
    expect(canRetry("UNKNOWN") || canStop("UNKNOWN")).toBe(false);
  });

  it("explains every status in plain words, and unknown values without crashing", () => {
    for (const status of IMPORT_STATUSES) {
      const text = explainStatus(status);
      expect(text.label).not.toBe("Unknown");
      expect(text.description.length).toBeGreaterThan(30);
    }
    expect(explainStatus("FAILED").description).toMatch(/some files could not be copied/);
    expect(explainStatus("PAUSED").label).toBe("Unknown");
    expect(explainStatus("toString").label).toBe("Unknown");
  });
});

describe("progressOf", () => {
  it("is completed over found, rounded down", () => {
    expect(progressOf({ prefixesFound: 3, prefixesCompleted: 2 }, "IN_PROGRESS")).toEqual({
      completed: 2,
      total: 3,
      percent: 66,
    });
  });
  it("is unknown until CloudTrail reports prefixes found", () => {
    expect(progressOf(undefined, "INITIALIZING")).toEqual({
      completed: 0,
      total: null,
      percent: null,
    });
    expect(
      progressOf({ prefixesFound: 0, prefixesCompleted: 0 }, "IN_PROGRESS").percent,
    ).toBeNull();
  });
  it("clamps lagging statistics where completed runs ahead of found", () => {
    expect(progressOf({ prefixesFound: 4, prefixesCompleted: 9 }, "IN_PROGRESS")).toEqual({
      completed: 4,
      total: 4,
      percent: 100,
    });
  });
  it("reads 100% for a completed import even when the numbers lag", () => {
    expect(progressOf({ prefixesFound: 10, prefixesCompleted: 7 }, "COMPLETED")).toEqual({
      completed: 10,
      total: 10,
      percent: 100,
    });
  });
  it("keeps a failed import's real ratio", () => {
    expect(progressOf({ prefixesFound: 10, prefixesCompleted: 9 }, "FAILED").percent).toBe(90);
  });
});

describe("nextPollDelay", () => {
  it("stops when nothing runs", () => {
    expect(nextPollDelay({ running: false, consecutiveFailures: 0 })).toBe(false);
    expect(nextPollDelay({ running: false, consecutiveFailures: 3 })).toBe(false);
  });
  it("doubles per consecutive failure up to the cap", () => {
    const delays = [0, 1, 2, 3, 4, 5, 50].map((n) =>
      nextPollDelay({ running: true, consecutiveFailures: n }),
    );
    expect(delays).toEqual([
      POLL_BASE_MS,
      4_000,
      8_000,
      16_000,
      POLL_MAX_MS,
      POLL_MAX_MS,
      POLL_MAX_MS,
    ]);
  });
});

describe("formatting", () => {
  it("shows times in UTC with the label", () => {
    expect(formatUtc("2026-01-31T23:05:09.123Z")).toBe("2026-01-31 23:05 UTC");
    expect(formatUtc("2026-02-01T01:05:09+02:00", { seconds: true })).toBe(
      "2026-01-31 23:05:09 UTC",
    );
    expect(formatUtc(undefined)).toBe("—");
    expect(formatUtc("not a date")).toBe("—");
  });
  it("shortens import ids to their first block", () => {
    expect(shortImportId("0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e")).toBe("0e9b2c4d");
  });
});

describe("progressText", () => {
  it("gives counts and percent when the total is known", () =>
    expect(
      progressText(
        progressOf({ prefixesFound: 4, prefixesCompleted: 1 }, "IN_PROGRESS"),
        "IN_PROGRESS",
      ),
    ).toBe("1 of 4 prefixes (25%)"));
  it("says the total is not known yet only while the import runs", () =>
    expect(progressText(progressOf({ prefixesCompleted: 2 }, "IN_PROGRESS"), "IN_PROGRESS")).toBe(
      "2 prefixes copied, total not known yet",
    ));
  it("says a finished import that found nothing found nothing, with an empty bar rather than a busy one", () => {
    const progress = progressOf({ prefixesFound: 0, prefixesCompleted: 0 }, "FAILED");
    expect(progress.percent).toBe(0);
    expect(progressText(progress, "FAILED")).toBe("No prefixes found");
  });
});

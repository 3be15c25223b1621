import { toUtcInstant } from "@/lib/schemas/import-wizard";
import { describe, expect, it } from "vitest";
import {
  clampStep,
  completedPrefix,
  furthestAllowedStep,
  markCompleted,
  nextStep,
  parseWizardDraft,
  previousStep,
  relativeRange,
  retentionCutoff,
  toImportInput,
} from "./wizard-draft";

describe("draft parsing", () => {
  it("gives a blank draft for nothing, bad JSON or the wrong shape", () => {
    for (const raw of [null, "", "{", "[]", '"x"']) {
      const draft = parseWizardDraft(raw);
      expect(draft.values.destination).toBe("");
      expect(draft.completed).toEqual([]);
      expect(draft.destinationMode).toBe("list");
    }
  });
  it("keeps good parts and drops damaged ones", () => {
    const draft = parseWizardDraft(
      JSON.stringify({
        values: { destination: "arn:x", s3Uri: 5 },
        completed: ["destination", "bogus"],
        submissionId: "not-a-uuid",
      }),
    );
    expect(draft.values.destination).toBe("arn:x");
    expect(draft.values.s3Uri).toBe("");
    expect(draft.completed).toEqual([]);
    expect(draft.submissionId).toBeUndefined();
  });
});

describe("step clamping", () => {
  it("opens the first step for unknown values", () => {
    expect(clampStep(undefined, [])).toBe("destination");
    expect(clampStep("nope", ["destination"])).toBe("destination");
  });
  it("never skips past the first step not completed", () => {
    expect(clampStep("review", [])).toBe("destination");
    expect(clampStep("review", ["destination", "source"])).toBe("role");
    expect(clampStep("source", ["destination", "source"])).toBe("source");
    expect(clampStep("review", ["destination", "source", "role", "dates"])).toBe("review");
  });
  it("counts only the completed steps from the start", () => {
    expect(furthestAllowedStep(["source", "role"])).toBe("destination");
    expect(completedPrefix(["destination", "role"])).toEqual(["destination"]);
  });
  it("moves forward and back and marks steps in order", () => {
    expect(nextStep("destination")).toBe("source");
    expect(nextStep("review")).toBeNull();
    expect(previousStep("destination")).toBeNull();
    expect(previousStep("review")).toBe("dates");
    expect(markCompleted(["source"], "destination")).toEqual(["destination", "source"]);
  });
});

describe("UTC conversions", () => {
  it("reads datetime-local values as UTC and leaves empty ones out", () => {
    expect(toUtcInstant("2026-01-31T13:05")).toBe("2026-01-31T13:05:00Z");
    expect(toUtcInstant("2026-01-31T13:05:09")).toBe("2026-01-31T13:05:09Z");
    expect(toUtcInstant("  ")).toBeUndefined();
    expect(toUtcInstant("yesterday")).toBe("yesterday");
  });
  it("builds relative ranges ending now, to the minute", () => {
    const now = new Date("2026-03-10T12:34:56.789Z");
    expect(relativeRange(7, now)).toEqual({
      startTime: "2026-03-03T12:34",
      endTime: "2026-03-10T12:34",
    });
  });
  it("warns only when the start is older than the retention period", () => {
    const now = new Date("2026-03-10T00:00:00Z");
    expect(retentionCutoff("2026-01-01T00:00", 30, now)?.toISOString()).toBe(
      "2026-02-08T00:00:00.000Z",
    );
    expect(retentionCutoff("2026-03-01T00:00", 30, now)).toBeNull();
    expect(retentionCutoff("", 30, now)).toBeNull();
    expect(retentionCutoff("2026-01-01T00:00", undefined, now)).toBeNull();
  });
  it("turns form values into the action's input", () => {
    const values = {
      destination: " arn ",
      s3Uri: "s3://b/ ",
      bucketRegion: "us-east-1",
      roleArn: "r",
      startTime: "2026-01-01T00:00",
      endTime: "",
    };
    expect(toImportInput(values)).toEqual({
      destination: "arn",
      s3Uri: "s3://b/",
      bucketRegion: "us-east-1",
      roleArn: "r",
      startTime: "2026-01-01T00:00:00Z",
    });
  });
});

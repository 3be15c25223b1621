// The wizard's additions to the import schema: optional time range, submission ids, step ids.
import { describe, expect, it } from "vitest";
import {
  datesStepSchema,
  isImportWizardStepId,
  startImportInputSchema,
  startImportSubmissionSchema,
} from "./import";

const base = {
  destination:
    "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/6d8e2f5a-3c1b-4e7d-9a2f-1b3c5d7e9f01",
  s3Uri: "s3://my-trail-bucket/AWSLogs/",
  bucketRegion: "us-east-1",
  roleArn: "arn:aws:iam::111122223333:role/CloudTrailLakeImport",
};
const SUBMISSION = "3f0c7a52-9a4e-4d8b-8f7e-2b1c0d9e8a71";

function issues(
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
  },
  value: unknown,
): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe("optional time range", () => {
  it("accepts no range, only a start, or only an end", () => {
    expect(issues(startImportInputSchema, base)).toEqual([]);
    expect(issues(startImportInputSchema, { ...base, startTime: "2026-01-01" })).toEqual([]);
    expect(issues(startImportInputSchema, { ...base, endTime: "2026-01-01T00:00:00Z" })).toEqual(
      [],
    );
    const parsed = datesStepSchema.parse({});
    expect(parsed.startTime).toBeUndefined();
    expect(parsed.endTime).toBeUndefined();
  });
  it("rejects a start in the future", () => {
    expect(issues(datesStepSchema, { startTime: new Date(Date.now() + 24 * 3600 * 1000) })).toEqual(
      ["Start time must not be in the future (times are UTC)"],
    );
  });
  it("still rejects an empty string as a date", () => {
    expect(issues(datesStepSchema, { startTime: "" })).toEqual(["Start time is required"]);
  });
});

describe("startImportSubmissionSchema", () => {
  it("accepts the input plus a submission id", () => {
    expect(issues(startImportSubmissionSchema, { ...base, submissionId: SUBMISSION })).toEqual([]);
  });
  it("requires a UUID submission id", () => {
    expect(issues(startImportSubmissionSchema, base).length).toBe(1);
    expect(issues(startImportSubmissionSchema, { ...base, submissionId: "abc" })).toEqual([
      "Submission ID must be a UUID",
    ]);
  });
  it("stays strict and keeps the range rule", () => {
    expect(
      issues(startImportSubmissionSchema, { ...base, submissionId: SUBMISSION, extra: 1 }).join(),
    ).toMatch(/Unrecognized key/);
    expect(
      issues(startImportSubmissionSchema, {
        ...base,
        submissionId: SUBMISSION,
        startTime: "2026-02-01",
        endTime: "2026-01-01",
      }),
    ).toEqual(["End time must be on or after the start time"]);
  });
});

describe("isImportWizardStepId", () => {
  it("knows the five steps and nothing else", () => {
    for (const id of ["destination", "source", "role", "dates", "review"])
      expect(isImportWizardStepId(id)).toBe(true);
    for (const id of ["", "Review", 3, undefined]) expect(isImportWizardStepId(id)).toBe(false);
  });
});

// The wizard's additions to the import schema: optional time range, submission ids, step ids,
// and step schemas over the form's typed text.
import { describe, expect, it } from "vitest";
import { startImportInputSchema, startImportSubmissionSchema } from "./import";
import {
  IMPORT_WIZARD_STEPS,
  importWizardStepSchemas,
  isImportWizardStepId,
  stepOfField,
} from "./import-wizard";

const datesStepSchema = importWizardStepSchemas.dates;
const blank = {
  destination: "",
  s3Uri: "",
  bucketRegion: "",
  roleArn: "",
  startTime: "",
  endTime: "",
};

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
    const parsed = datesStepSchema.parse(blank);
    expect(parsed.startTime).toBeUndefined();
    expect(parsed.endTime).toBeUndefined();
  });
  it("rejects a start in the future", () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 16);
    expect(issues(datesStepSchema, { ...blank, startTime: tomorrow })).toEqual([
      "Start time must not be in the future (times are UTC)",
    ]);
  });
  it("reads an empty field as no bound in the form, but the action refuses an empty string", () => {
    expect(issues(datesStepSchema, blank)).toEqual([]);
    expect(issues(startImportInputSchema, { ...base, startTime: "" })).toEqual([
      "Start time is required",
    ]);
  });
  it("reads the form's zone-less date-times as UTC", () => {
    const parsed = datesStepSchema.parse({ ...blank, startTime: "2026-01-31T13:05" });
    expect(parsed.startTime?.toISOString()).toBe("2026-01-31T13:05:00.000Z");
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

const valid = {
  ...base,
  destination: `  ${base.destination} `,
  startTime: "2026-01-01T00:00",
  endTime: "2026-02-01",
};

describe("wizard step schemas", () => {
  it("validates each step against the whole form's values", () => {
    for (const step of IMPORT_WIZARD_STEPS) {
      expect(importWizardStepSchemas[step.id].safeParse(valid).success, step.id).toBe(true);
    }
    expect(importWizardStepSchemas.source.safeParse({ ...valid, roleArn: "nope" }).success).toBe(
      true,
    );
    expect(importWizardStepSchemas.role.safeParse({ ...valid, roleArn: "nope" }).success).toBe(
      false,
    );
  });
  it("says an empty field is required, in the field schema's own words", () => {
    expect(issues(importWizardStepSchemas.review, { ...valid, roleArn: " " })).toEqual([
      "S3 access role ARN is required",
    ]);
    expect(issues(importWizardStepSchemas.destination, { ...valid, destination: null })).toEqual([
      "Destination event data store is required",
    ]);
  });
  it("gives the action what it accepts: trimmed text and UTC instants", () => {
    const output = importWizardStepSchemas.review.parse(valid);
    expect(output.destination).toBe(base.destination);
    expect(startImportInputSchema.safeParse(output).success).toBe(true);
  });
  it("gives every field to exactly one step", () => {
    const owned = IMPORT_WIZARD_STEPS.flatMap((step) => [...step.fields]).sort();
    expect(owned).toEqual(Object.keys(blank).sort());
    expect(stepOfField("bucketRegion")).toBe("source");
    expect(stepOfField("importId")).toBeUndefined();
  });
});

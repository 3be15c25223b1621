import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  AWS_REGIONS,
  awsRegionSchema,
  checkDateRange,
  eventDataStoreArnSchema,
  importActionInputSchema,
  importFields,
  importIdSchema,
  parseEventDataStoreArn,
  roleArnSchema,
  s3UriSchema,
  startImportInputSchema,
} from "./import";

// The action's time-range rules on their own.
const datesStepSchema = importFields
  .pick({ startTime: true, endTime: true })
  .superRefine(checkDateRange);

const STORE =
  "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE";
const ROLE = "arn:aws:iam::111122223333:role/service-role/CloudTrailLake-us-east-1-copy-events-eds";
const IMPORT_ID = "0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function expectRejected(schema: z.ZodType, value: unknown, message: string | RegExp): void {
  const found = messages(schema, value);
  expect(found.length, `expected ${JSON.stringify(value)} to be rejected`).toBeGreaterThan(0);
  expect(
    found.some((m) => (typeof message === "string" ? m.includes(message) : message.test(m))),
    found.join(" | "),
  ).toBe(true);
}

describe("importIdSchema", () => {
  it("accepts a lower-case UUID", () => expect(importIdSchema.parse(IMPORT_ID)).toBe(IMPORT_ID));
  it("rejects the wrong length", () =>
    expectRejected(importIdSchema, IMPORT_ID.slice(1), "exactly 36 characters"));
  it("rejects upper-case hex, which the model's pattern excludes", () =>
    expectRejected(importIdSchema, IMPORT_ID.toUpperCase(), "lower-case hexadecimal"));
});

describe("eventDataStoreArnSchema", () => {
  it("accepts a store ARN in each partition", () => {
    expect(eventDataStoreArnSchema.safeParse(STORE).success).toBe(true);
    expect(
      eventDataStoreArnSchema.safeParse(
        "arn:aws-cn:cloudtrail:cn-north-1:111122223333:eventdatastore/abc",
      ).success,
    ).toBe(true);
    expect(
      eventDataStoreArnSchema.safeParse(
        "arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:eventdatastore/abc",
      ).success,
    ).toBe(true);
  });
  it("rejects more than 256 characters", () =>
    expectRejected(eventDataStoreArnSchema, `${STORE}${"a".repeat(200)}`, "3–256"));
  it("rejects characters outside the model's pattern", () =>
    expectRejected(eventDataStoreArnSchema, `${STORE} `, "may contain only"));
  it("rejects a bare store id (the wizard needs the Region from the ARN)", () =>
    expectRejected(
      eventDataStoreArnSchema,
      "EXAMPLE-f852-4e8f",
      "must be an event data store ARN",
    ));
  it("rejects a trail ARN and a short account id", () => {
    expectRejected(
      eventDataStoreArnSchema,
      "arn:aws:cloudtrail:us-east-1:111122223333:trail/main",
      "must be an event data store ARN",
    );
    expectRejected(
      eventDataStoreArnSchema,
      "arn:aws:cloudtrail:us-east-1:1111:eventdatastore/abc",
      "must be an event data store ARN",
    );
  });
  it("rejects a partition that doesn't match the Region", () =>
    expectRejected(
      eventDataStoreArnSchema,
      "arn:aws:cloudtrail:cn-north-1:111122223333:eventdatastore/abc",
      "doesn't match Region",
    ));
  it("parses the Region and account out of the ARN", () =>
    expect(parseEventDataStoreArn(STORE)).toEqual({
      partition: "aws",
      region: "us-east-1",
      accountId: "111122223333",
      id: "EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE",
    }));
});

describe("s3UriSchema", () => {
  it("accepts a bucket with and without a prefix", () => {
    for (const uri of [
      "s3://my-trail-bucket",
      "s3://my-trail-bucket/",
      "s3://logs.example.com/AWSLogs/111122223333/CloudTrail/",
    ]) {
      expect(messages(s3UriSchema, uri), uri).toEqual([]);
    }
  });
  it.each([
    ["https://my-bucket/", "S3 URI must start with s3://"],
    ["s3://ab", "Bucket names are 3–63 characters"],
    [`s3://${"a".repeat(64)}`, "Bucket names are 3–63 characters"],
    ["s3://My-Bucket", "lower-case letters, digits, dots"],
    ["s3://my_bucket", "lower-case letters, digits, dots"],
    ["s3://-bucket", "start and end with a letter or digit"],
    ["s3://bucket-", "start and end with a letter or digit"],
    ["s3://my..bucket", "two dots in a row"],
    ["s3://192.168.5.4", "IP address"],
    ["s3://xn--bucket", "reserved prefix xn--"],
    ["s3://my-bucket-s3alias", "reserved suffix -s3alias"],
    ["s3://my-bucket--ol-s3", "reserved suffix --ol-s3"],
    [`s3://my-bucket/${"p".repeat(1025)}`, "at most 1024 bytes"],
    ["s3://my-bucket/a\u0007b", "control characters"],
  ])("rejects %s", (uri, message) => expectRejected(s3UriSchema, uri, message));
});

describe("awsRegionSchema and AWS_REGIONS", () => {
  it("accepts commercial, GovCloud and China Region codes", () => {
    for (const region of ["eu-west-1", "us-gov-west-1", "cn-northwest-1", "ap-southeast-7"]) {
      expect(awsRegionSchema.safeParse(region).success, region).toBe(true);
    }
  });
  it("rejects names and malformed codes", () => {
    for (const region of ["Ireland", "eu-west", "EU-WEST-1", "euwest1"])
      expectRejected(awsRegionSchema, region, "AWS Region code");
  });
  it("lists every partition's Regions, each valid and unique", () => {
    const codes = AWS_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["us-east-1", "us-gov-east-1", "cn-north-1"]));
    for (const code of codes) expect(awsRegionSchema.safeParse(code).success, code).toBe(true);
  });
});

describe("roleArnSchema", () => {
  it("accepts a role with and without a path, in each partition", () => {
    for (const arn of [
      ROLE,
      "arn:aws:iam::111122223333:role/import-reader",
      "arn:aws-us-gov:iam::111122223333:role/a",
      "arn:aws-cn:iam::111122223333:role/x/y/z@corp",
    ]) {
      expect(messages(roleArnSchema, arn), arn).toEqual([]);
    }
  });
  it("rejects other ARN kinds and partitions", () => {
    expectRejected(
      roleArnSchema,
      "arn:aws:iam::111122223333:user/alice",
      "Role ARN must look like",
    );
    expectRejected(
      roleArnSchema,
      "arn:aws-iso:iam::111122223333:role/a",
      "Role ARN must look like",
    );
    expectRejected(roleArnSchema, "arn:aws:iam::11112222333:role/a", "Role ARN must look like");
  });
  it("rejects empty, long and badly spelled names", () => {
    expectRejected(roleArnSchema, "arn:aws:iam::111122223333:role/", "1–64 characters");
    expectRejected(
      roleArnSchema,
      `arn:aws:iam::111122223333:role/${"r".repeat(65)}`,
      "1–64 characters",
    );
    expectRejected(
      roleArnSchema,
      "arn:aws:iam::111122223333:role/my role",
      "may contain only letters",
    );
  });
});

describe("date range", () => {
  it("accepts a past range given as UTC dates or zoned date-times", () => {
    expect(
      messages(datesStepSchema, { startTime: "2026-01-01", endTime: "2026-01-31T23:59:59Z" }),
    ).toEqual([]);
    expect(
      messages(datesStepSchema, {
        startTime: new Date("2026-01-01T00:00:00Z"),
        endTime: new Date("2026-01-01T00:00:00Z"),
      }),
    ).toEqual([]);
    const parsed = datesStepSchema.parse({
      startTime: "2026-01-01",
      endTime: "2026-01-02T02:00:00+02:00",
    });
    expect(parsed.startTime?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(parsed.endTime?.toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });
  it("rejects start after end", () =>
    expectRejected(
      datesStepSchema,
      { startTime: "2026-02-01", endTime: "2026-01-01" },
      "on or after the start",
    ));
  it("rejects an end in the future", () =>
    expectRejected(
      datesStepSchema,
      { startTime: "2026-01-01", endTime: new Date(Date.now() + 24 * 3600 * 1000) },
      "not be in the future",
    ));
  it("rejects invalid and zone-less values", () => {
    expectRejected(
      datesStepSchema,
      { startTime: "2026-13-45", endTime: "2026-01-01" },
      "Start time must be a valid date",
    );
    expectRejected(
      datesStepSchema,
      { startTime: "2026-01-01T10:00", endTime: "2026-01-02" },
      "with a time zone",
    );
  });
});

const valid = {
  destination: STORE,
  s3Uri: "s3://my-trail-bucket/AWSLogs/",
  bucketRegion: "eu-west-1",
  roleArn: ROLE,
  startTime: "2026-01-01",
  endTime: "2026-02-01",
};

describe("startImportInputSchema", () => {
  it("accepts a complete input", () =>
    expect(startImportInputSchema.safeParse(valid).success).toBe(true));
  it("rejects unknown keys (strict)", () =>
    expectRejected(startImportInputSchema, { ...valid, importId: IMPORT_ID }, /Unrecognized key/));
  it("rejects a missing field with the field's name", () => {
    const { roleArn: _omit, ...rest } = valid;
    expectRejected(startImportInputSchema, rest, "S3 access role ARN is required");
  });
});

describe("importActionInputSchema", () => {
  it("accepts an import id and Region", () =>
    expect(importActionInputSchema.parse({ importId: IMPORT_ID, region: "us-east-1" })).toEqual({
      importId: IMPORT_ID,
      region: "us-east-1",
    }));
  it("rejects extra keys and a bad id", () => {
    expectRejected(
      importActionInputSchema,
      { importId: IMPORT_ID, region: "us-east-1", destination: STORE },
      /Unrecognized key/,
    );
    expectRejected(
      importActionInputSchema,
      { importId: "x", region: "us-east-1" },
      "exactly 36 characters",
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  allowPatternProblem,
  bucketOfS3Uri,
  exactValues,
  isAllowed,
  roleArnParts,
} from "./allow-list";

const ROLE = "arn:aws:iam::111122223333:role/CloudTrailLakeImport";

describe("allowPatternProblem", () => {
  it.each([
    ["role", ROLE],
    ["role", "arn:aws:iam::111122223333:role/imports/CloudTrailLake*"],
    ["bucket", "trail-imports-demo-logs"],
    ["bucket", "trail-logs-*"],
  ] as const)("accepts the %s pattern %s", (kind, pattern) => {
    expect(allowPatternProblem(kind, pattern)).toBeNull();
  });

  it.each([
    ["role", "*", "not a role ARN"],
    ["role", "arn:aws:iam::*:role/CloudTrailLakeImport", "account must be written out"],
    ["role", "arn:aws:iam::111122223333:role/*", "every role in the account"],
    ["role", "arn:aws:iam::111122223333:user/alice", "not a role ARN"],
    ["bucket", "*", "too broad"],
    ["bucket", "a*", "too broad"],
    ["bucket", "Trail_Logs", "not a bucket name"],
    ["bucket", "s3://trail-logs", "not a bucket name"],
  ] as const)("refuses the %s pattern %s", (kind, pattern, why) => {
    expect(allowPatternProblem(kind, pattern)).toContain(why);
  });
});

describe("isAllowed", () => {
  it("lets everything through when there is no list", () => {
    expect(isAllowed("bucket", "anything", [])).toBe(true);
  });

  it("matches exact values and * patterns, and nothing else", () => {
    const roles = [ROLE, "arn:aws:iam::111122223333:role/imports-*"];
    expect(isAllowed("role", ROLE, roles)).toBe(true);
    expect(isAllowed("role", "arn:aws:iam::111122223333:role/imports-eu", roles)).toBe(true);
    expect(isAllowed("role", `${ROLE}Denied`, roles)).toBe(false);
    expect(isAllowed("role", "arn:aws:iam::444455556666:role/imports-eu", roles)).toBe(false);
    expect(isAllowed("bucket", "trail-logs-eu", ["trail-logs-*"])).toBe(true);
    expect(isAllowed("bucket", "evil-trail-logs-eu", ["trail-logs-*"])).toBe(false);
  });

  it("treats regular-expression characters in a pattern literally", () => {
    expect(isAllowed("bucket", "trailxlogs", ["trail.logs"])).toBe(false);
    expect(isAllowed("bucket", "trail.logs", ["trail.logs"])).toBe(true);
  });

  it("ignores entries that are not valid patterns", () => {
    expect(isAllowed("bucket", "x", ["*"])).toBe(false);
  });
});

describe("helpers", () => {
  it("reads the bucket of an S3 URI", () => {
    expect(bucketOfS3Uri("s3://trail-logs/AWSLogs/")).toBe("trail-logs");
    expect(bucketOfS3Uri("s3://trail-logs")).toBe("trail-logs");
    expect(bucketOfS3Uri("https://trail-logs")).toBeNull();
  });

  it("reads a role ARN's partition and account", () => {
    expect(roleArnParts(ROLE)).toEqual({ partition: "aws", accountId: "111122223333" });
    expect(roleArnParts("arn:aws:iam::111122223333:user/x")).toBeNull();
  });

  it("offers only exact values as choices", () => {
    expect(exactValues(["a-bucket", "logs-*"])).toEqual(["a-bucket"]);
  });
});

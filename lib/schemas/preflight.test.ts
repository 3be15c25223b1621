import { describe, expect, it } from "vitest";
import {
  getRoleSchema,
  headBucketSchema,
  listObjectsPageSchema,
  ownershipControlsSchema,
  parsePolicyText,
  regionFromLocationConstraint,
  simulationSchema,
} from "./preflight-facts";
import {
  checkResultSchema,
  preflightQuerySchema,
  preflightRequestSchema,
  preflightResultSchema,
} from "./preflight";

const REQUEST = {
  destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE",
  s3Uri: "s3://trail-logs/AWSLogs/",
  bucketRegion: "us-east-1",
  roleArn: "arn:aws:iam::111122223333:role/CloudTrailImportRole",
  startTime: "2026-01-01",
  endTime: "2026-01-31T00:00:00Z",
};

describe("preflight request", () => {
  it("accepts what Start accepts and parses the times", () => {
    const parsed = preflightRequestSchema.parse(REQUEST);
    expect(parsed.startTime?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("rejects unknown fields and a range that ends before it starts", () => {
    expect(preflightRequestSchema.safeParse({ ...REQUEST, extra: 1 }).success).toBe(false);
    const backwards = preflightRequestSchema.safeParse({ ...REQUEST, startTime: "2026-02-01" });
    expect(backwards.error?.issues[0]?.path).toEqual(["endTime"]);
  });
});

describe("preflight query (one wizard step)", () => {
  it("checks the destination step with the destination alone, and defaults to the review", () => {
    const destination = preflightQuerySchema.parse({
      step: "destination",
      destination: REQUEST.destination,
    });
    expect(destination.s3Uri).toBeUndefined();
    expect(preflightQuerySchema.parse(REQUEST).step).toBe("review");
  });

  it("names each field a step needs and lacks", () => {
    const role = preflightQuerySchema.safeParse({
      step: "role",
      destination: REQUEST.destination,
      s3Uri: REQUEST.s3Uri,
    });
    expect(role.error?.issues.map((i) => i.path.join("."))).toEqual(["bucketRegion", "roleArn"]);
    expect(
      preflightQuerySchema.safeParse({ ...REQUEST, step: "later" }).error?.issues[0]?.path,
    ).toEqual(["step"]);
  });
});

describe("preflight result", () => {
  it("defaults details and requires a known check id and status", () => {
    const check = { id: "retention", status: "pass", title: "t", sentence: "s" };
    expect(checkResultSchema.parse(check).details).toEqual([]);
    expect(checkResultSchema.safeParse({ ...check, id: "nope" }).success).toBe(false);
    expect(checkResultSchema.safeParse({ ...check, status: "green" }).success).toBe(false);
  });

  it("round-trips a full result through JSON", () => {
    const result = {
      checks: [
        {
          id: "ongoing",
          status: "not-checked",
          title: "t",
          sentence: "s",
          missingPermission: "cloudtrail:ListImports",
          details: [],
        },
      ],
      estimate: { files: 3, compressedBytes: 100, complete: true, notes: [] },
      summary: {
        verdict: "ready",
        needsStartAnyway: false,
        counts: { pass: 0, warning: 0, failure: 0, "not-checked": 1 },
        sentence: "s",
      },
      checkedAt: "2026-03-01T12:00:00.000Z",
    };
    expect(preflightResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });
});

describe("AWS replies", () => {
  it("decodes GetRole's URL-encoded trust policy and normalises single values to lists", () => {
    const trust = {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sts:AssumeRole",
      },
    };
    const role = getRoleSchema.parse({
      Role: {
        Arn: "arn:aws:iam::1:role/R",
        RoleName: "R",
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      },
    });
    expect(role.trustPolicy?.Statement[0]).toMatchObject({
      Action: ["sts:AssumeRole"],
      Principal: { Service: ["cloudtrail.amazonaws.com"] },
    });
  });

  it("reads a plain-JSON bucket policy and refuses text that isn't a policy", () => {
    expect(
      parsePolicyText('{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*"}]}')
        ?.Statement[0]?.Principal,
    ).toEqual({ "*": ["*"] });
    expect(parsePolicyText("not json")).toBeNull();
    expect(parsePolicyText('{"Statement":[{"Effect":"Maybe"}]}')).toBeNull();
  });

  it("maps GetBucketLocation's empty and EU constraints to Regions", () => {
    expect(regionFromLocationConstraint(undefined)).toBe("us-east-1");
    expect(regionFromLocationConstraint("EU")).toBe("eu-west-1");
    expect(regionFromLocationConstraint("ap-south-1")).toBe("ap-south-1");
  });

  it("keeps a ListObjectsV2 page's objects, folders and token only while truncated", () => {
    const page = listObjectsPageSchema.parse({
      Contents: [
        { Key: "a.json.gz", Size: 10 },
        { Key: "b.json.gz", Size: 5, StorageClass: "GLACIER" },
      ],
      CommonPrefixes: [{ Prefix: "AWSLogs/" }],
      IsTruncated: false,
      NextContinuationToken: "stale",
    });
    expect(page).toEqual({
      objects: [
        { key: "a.json.gz", size: 10, storageClass: "STANDARD" },
        { key: "b.json.gz", size: 5, storageClass: "GLACIER" },
      ],
      commonPrefixes: ["AWSLogs/"],
      nextToken: undefined,
    });
  });

  it("reads HeadBucket's Region, the ownership rule and simulator decisions", () => {
    expect(headBucketSchema.parse({ BucketRegion: "eu-west-1" })).toEqual({ region: "eu-west-1" });
    expect(
      ownershipControlsSchema.parse({
        OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] },
      }),
    ).toEqual({ objectOwnership: "ObjectWriter" });
    const results = simulationSchema.parse({
      EvaluationResults: [
        {
          EvalActionName: "s3:GetObject",
          EvalResourceName: "arn:aws:s3:::b/*",
          EvalDecision: "implicitDeny",
          MissingContextValues: ["aws:SourceArn"],
        },
      ],
    });
    expect(results).toEqual([
      {
        action: "s3:GetObject",
        resource: "arn:aws:s3:::b/*",
        decision: "implicitDeny",
        matchedPolicies: [],
        missingContext: ["aws:SourceArn"],
      },
    ]);
  });
});

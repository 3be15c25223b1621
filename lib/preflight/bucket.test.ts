import { describe, expect, it } from "vitest";
import { evaluateBucketRegion } from "./bucket-region";
import { accessDenied, fetched, fetchFailure, notFound } from "./facts";
import { evaluateObjectOwnership } from "./object-ownership";
import { BUCKET } from "./test-facts";

describe("evaluateBucketRegion", () => {
  it("passes when the bucket is in the given Region", () => {
    expect(
      evaluateBucketRegion({
        bucket: BUCKET,
        givenRegion: "us-east-1",
        head: fetched({ region: "us-east-1" }),
      }).status,
    ).toBe("pass");
  });

  it("fails a bucket in eu-west-1 given as us-east-1, naming the right Region", () => {
    const result = evaluateBucketRegion({
      bucket: BUCKET,
      givenRegion: "us-east-1",
      head: fetched({ region: "eu-west-1" }),
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toBe(
      "Bucket trail-logs is in eu-west-1, not us-east-1 as given; CloudTrail would fail to read it.",
    );
    expect(result.fix?.text).toBe("Set the bucket Region to eu-west-1.");
  });

  it("fails a bucket that doesn't exist, and couldn't check one it may not read", () => {
    expect(
      evaluateBucketRegion({
        bucket: BUCKET,
        givenRegion: "us-east-1",
        head: notFound("s3:ListBucket", "NotFound"),
      }).status,
    ).toBe("failure");
    const denied = evaluateBucketRegion({
      bucket: BUCKET,
      givenRegion: "us-east-1",
      head: accessDenied("s3:ListBucket", "Forbidden"),
    });
    expect(denied).toMatchObject({ status: "not-checked", missingPermission: "s3:ListBucket" });
  });
});

describe("evaluateObjectOwnership", () => {
  it("passes a bucket with ACLs disabled", () => {
    const result = evaluateObjectOwnership({
      bucket: BUCKET,
      controls: fetched({ objectOwnership: "BucketOwnerEnforced" }),
    });
    expect(result.status).toBe("pass");
  });

  it("fails a bucket with ACLs on and gives the command that disables them", () => {
    const result = evaluateObjectOwnership({
      bucket: BUCKET,
      controls: fetched({ objectOwnership: "ObjectWriter" }),
    });
    expect(result.status).toBe("failure");
    expect(result.fix?.copyable?.code).toBe(
      "aws s3api put-bucket-ownership-controls --bucket trail-logs --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
    );
  });

  it("treats a bucket without ownership controls as ACLs enabled", () => {
    const result = evaluateObjectOwnership({
      bucket: BUCKET,
      controls: notFound("s3:GetBucketOwnershipControls", "OwnershipControlsNotFoundError"),
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toContain("no Object Ownership setting");
  });

  it("couldn't check when GetBucketOwnershipControls is refused", () => {
    const result = evaluateObjectOwnership({
      bucket: BUCKET,
      controls: accessDenied("s3:GetBucketOwnershipControls"),
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "s3:GetBucketOwnershipControls",
    });
  });
});

describe("fetchFailure", () => {
  it("classifies SDK errors by name, code and status", () => {
    expect(fetchFailure({ name: "AccessDenied" }, "s3:GetBucketPolicy")).toMatchObject({
      reason: "access-denied",
      permission: "s3:GetBucketPolicy",
    });
    expect(
      fetchFailure({ name: "Unknown", $metadata: { httpStatusCode: 403 } }, "s3:ListBucket").reason,
    ).toBe("access-denied");
    expect(fetchFailure({ name: "NoSuchEntity" }, "iam:GetRole", ["NoSuchEntity"])).toMatchObject({
      reason: "not-found",
      code: "NoSuchEntity",
    });
    expect(fetchFailure({ name: "ThrottlingException" }, "iam:GetRole")).toMatchObject({
      reason: "error",
      code: "ThrottlingException",
    });
    expect(fetchFailure(new Error("boom"), "iam:GetRole").code).toBe("Error");
  });
});

import { describe, expect, it } from "vitest";
import { generateImportPolicies, splitS3Uri } from "./policies";

const STORE =
  "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/6d8e2f5a-3c1b-4e7d-9a2f-1b3c5d7e9f01";
const ROLE = "arn:aws:iam::111122223333:role/CloudTrailLakeImport";

type Statement = {
  Sid?: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string>>;
};

describe("splitS3Uri", () => {
  it("splits bucket and prefix and trims slashes", () => {
    expect(splitS3Uri("s3://bucket")).toEqual({ bucket: "bucket", prefix: "" });
    expect(splitS3Uri("s3://bucket/")).toEqual({ bucket: "bucket", prefix: "" });
    expect(splitS3Uri("s3://bucket/AWSLogs/111122223333/CloudTrail/")).toEqual({
      bucket: "bucket",
      prefix: "AWSLogs/111122223333/CloudTrail",
    });
  });
});

describe("generateImportPolicies", () => {
  const policies = generateImportPolicies({
    storeArn: STORE,
    s3Uri: "s3://logs-bucket/AWSLogs/",
    roleArn: ROLE,
  });

  it("trusts CloudTrail only for this store and account", () => {
    const trust = JSON.parse(policies.trustPolicy) as {
      Statement: (Statement & { Principal: { Service: string } })[];
    };
    const [statement] = trust.Statement;
    expect(statement?.Principal.Service).toBe("cloudtrail.amazonaws.com");
    expect(statement?.Action).toBe("sts:AssumeRole");
    expect(statement?.Condition?.StringEquals).toEqual({
      "aws:SourceAccount": "111122223333",
      "aws:SourceArn": STORE,
    });
  });

  it("grants list on the bucket and read on the prefix only", () => {
    const perms = JSON.parse(policies.permissionsPolicy) as { Statement: Statement[] };
    expect(perms.Statement).toHaveLength(2);
    expect(perms.Statement[0]?.Resource).toBe("arn:aws:s3:::logs-bucket");
    expect(perms.Statement[1]?.Resource).toEqual([
      "arn:aws:s3:::logs-bucket/AWSLogs",
      "arn:aws:s3:::logs-bucket/AWSLogs/*",
    ]);
    expect(policies.kmsKeyPolicyStatement).toBeUndefined();
  });

  it("names the role in the bucket policy statement", () => {
    const statement = JSON.parse(policies.bucketPolicyStatement) as Statement;
    expect(statement.Principal).toEqual({ AWS: ROLE });
    expect(statement.Resource).toEqual(["arn:aws:s3:::logs-bucket", "arn:aws:s3:::logs-bucket/*"]);
  });

  it("reads the whole bucket without a prefix", () => {
    const perms = JSON.parse(
      generateImportPolicies({ storeArn: STORE, s3Uri: "s3://logs-bucket" }).permissionsPolicy,
    ) as { Statement: Statement[] };
    expect(perms.Statement[1]?.Resource).toEqual(["arn:aws:s3:::logs-bucket/*"]);
  });

  it("adds decrypt permissions and a key policy statement with a KMS key", () => {
    const key = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    const withKms = generateImportPolicies({
      storeArn: STORE,
      s3Uri: "s3://logs-bucket/",
      roleArn: ROLE,
      kmsKeyArn: key,
    });
    const perms = JSON.parse(withKms.permissionsPolicy) as { Statement: Statement[] };
    expect(perms.Statement[2]).toMatchObject({
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: key,
    });
    const keyStatement = JSON.parse(withKms.kmsKeyPolicyStatement ?? "{}") as Statement;
    expect(keyStatement.Principal).toEqual({ AWS: ROLE });
    expect(keyStatement.Condition?.StringLike).toEqual({
      "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::logs-bucket/*",
    });
  });

  it("uses the store's partition and placeholders for what is not chosen yet", () => {
    const gov = generateImportPolicies({
      storeArn: "arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:eventdatastore/abc",
      s3Uri: "s3://b-1/",
    });
    expect(gov.bucketPolicyStatement).toContain("arn:aws-us-gov:s3:::b-1");
    expect(gov.bucketPolicyStatement).toContain("<s3-access-role-arn>");
    const blank = generateImportPolicies({ storeArn: "", s3Uri: "" });
    expect(blank.trustPolicy).toContain("<lake-account-id>");
    expect(blank.permissionsPolicy).toContain("arn:aws:s3:::<bucket>");
  });
});

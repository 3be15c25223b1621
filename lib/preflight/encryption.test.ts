import { describe, expect, it } from "vitest";
import { evaluateEncryption, kmsKeysOf } from "./encryption";
import { accessDenied, fetched } from "./facts";
import { KMS_KEY, logKey, POLICY_INPUTS, ROLE_ARN } from "./test-facts";

const key = logKey("us-east-1", new Date("2026-02-01T03:05:00Z"));
const sse = (serverSideEncryption: string, kmsKeyId?: string) => ({
  key,
  serverSideEncryption,
  kmsKeyId,
  storageClass: "STANDARD",
  archiveStatus: undefined,
});
const decrypt = (decision: string) =>
  fetched([
    { action: "kms:Decrypt", resource: KMS_KEY, decision, matchedPolicies: [], missingContext: [] },
  ]);
const base = { ...POLICY_INPUTS, roleArn: ROLE_ARN };

describe("evaluateEncryption", () => {
  it("passes SSE-S3 files, which need no key permission", () => {
    const result = evaluateEncryption({ ...base, heads: fetched([sse("AES256")]), decrypt: {} });
    expect(result).toMatchObject({
      status: "pass",
      sentence: "The 1 sampled file uses AES256 encryption, which needs no key permission.",
    });
  });

  it("passes SSE-KMS files the role may decrypt, saying the key policy wasn't read", () => {
    const heads = fetched([sse("aws:kms", KMS_KEY)]);
    expect(kmsKeysOf([sse("aws:kms", KMS_KEY), sse("aws:kms", KMS_KEY), sse("AES256")])).toEqual([
      KMS_KEY,
    ]);
    const result = evaluateEncryption({
      ...base,
      heads,
      decrypt: { [KMS_KEY]: decrypt("allowed") },
    });
    expect(result.status).toBe("pass");
    expect(result.sentence).toContain("the key policy must allow the role too");
  });

  it("fails SSE-KMS files the role may not decrypt, with the key policy statement", () => {
    const result = evaluateEncryption({
      ...base,
      heads: fetched([sse("aws:kms", KMS_KEY)]),
      decrypt: { [KMS_KEY]: decrypt("implicitDeny") },
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toContain(`KMS key ${KMS_KEY}`);
    expect(JSON.parse(result.fix?.copyable?.code ?? "{}").Action).toEqual([
      "kms:Decrypt",
      "kms:GenerateDataKey",
    ]);
  });

  it("couldn't check the key when the simulator is refused, naming the permission", () => {
    const result = evaluateEncryption({
      ...base,
      heads: fetched([sse("aws:kms", KMS_KEY)]),
      decrypt: { [KMS_KEY]: accessDenied("iam:SimulatePrincipalPolicy") },
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "iam:SimulatePrincipalPolicy",
    });
    expect(result.fix?.copyable?.label).toBe("KMS key policy statement JSON");
  });

  it("couldn't check the key for a role in another account", () => {
    const result = evaluateEncryption({
      ...base,
      heads: fetched([sse("aws:kms", KMS_KEY)]),
      decrypt: { [KMS_KEY]: "other-account" },
    });
    expect(result.status).toBe("not-checked");
  });

  it("couldn't check when HeadObject is refused", () => {
    const result = evaluateEncryption({
      ...base,
      heads: accessDenied("s3:GetObject"),
      decrypt: {},
    });
    expect(result).toMatchObject({ status: "not-checked", missingPermission: "s3:GetObject" });
  });
});

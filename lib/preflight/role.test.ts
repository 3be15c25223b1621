import { describe, expect, it } from "vitest";
import { parsePolicyText } from "@/lib/schemas/preflight-facts";
import { accessDenied, fetched, notFound } from "./facts";
import { arnLike, evaluatePolicy, wildcardMatch } from "./policy-document";
import { evaluateRolePermissions } from "./role-permissions";
import { evaluateRoleTrust } from "./role-trust";
import {
  ACCOUNT,
  CLEAN_ROLE,
  OBJECT_ARN,
  OTHER_STORE_ARN,
  POLICY_INPUTS,
  ROLE_ARN,
  roleWithTrust,
  simulation,
  STORE_ARN,
} from "./test-facts";

function trust(condition?: object, extra: object = {}) {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sts:AssumeRole",
        ...(condition ? { Condition: condition } : {}),
        ...extra,
      },
    ],
  });
}

const trustFacts = (role: Parameters<typeof evaluateRoleTrust>[0]["role"]) => ({
  ...POLICY_INPUTS,
  role,
});

describe("policy matching", () => {
  it("matches IAM wildcards, and ArnLike part by part", () => {
    expect(wildcardMatch("sts:Assume*", "sts:AssumeRole")).toBe(true);
    expect(wildcardMatch("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(wildcardMatch("STS:*", "sts:AssumeRole", true)).toBe(true);
    expect(arnLike(`arn:aws:cloudtrail:*:${ACCOUNT}:eventdatastore/*`, STORE_ARN)).toBe(true);
    expect(arnLike("arn:aws:cloudtrail:*", STORE_ARN)).toBe(false);
  });
});

describe("evaluateRoleTrust", () => {
  it("passes the trust policy the app generates for this store", () => {
    expect(evaluateRoleTrust(trustFacts(CLEAN_ROLE)).status).toBe("pass");
  });

  it("accepts ArnLike and StringLike wildcards that cover the store", () => {
    const role = roleWithTrust(
      trust({
        ArnLike: { "aws:SourceArn": `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/*` },
        StringLike: { "aws:SourceAccount": "1111*" },
      }),
    );
    expect(evaluateRoleTrust(trustFacts(role)).status).toBe("pass");
  });

  it("fails a trust policy that names another store, quoting both", () => {
    const role = roleWithTrust(
      trust({ StringEquals: { "aws:SourceArn": OTHER_STORE_ARN, "aws:SourceAccount": ACCOUNT } }),
    );
    const result = evaluateRoleTrust(trustFacts(role));
    expect(result.status).toBe("failure");
    expect(result.sentence).toBe(
      `The trust policy lets CloudTrail assume the role only when aws:SourceArn StringEquals ${OTHER_STORE_ARN} (this import sends ${STORE_ARN}), so it won't work for this store.`,
    );
    expect(
      JSON.parse(result.fix?.copyable?.code ?? "{}").Statement[0].Condition.StringEquals[
        "aws:SourceArn"
      ],
    ).toBe(STORE_ARN);
  });

  it("fails a trust policy for another service, and an explicit Deny", () => {
    const other = roleWithTrust(
      JSON.stringify({
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "ec2.amazonaws.com" },
            Action: "sts:AssumeRole",
          },
        ],
      }),
    );
    expect(evaluateRoleTrust(trustFacts(other)).sentence).toContain(
      "doesn't let cloudtrail.amazonaws.com assume the role",
    );
    const denied = roleWithTrust(
      JSON.stringify({
        Statement: [
          JSON.parse(trust()).Statement[0],
          { Effect: "Deny", Principal: "*", Action: "sts:*" },
        ],
      }),
    );
    expect(evaluateRoleTrust(trustFacts(denied)).sentence).toContain("explicitly denies");
  });

  it("warns when CloudTrail may assume the role for any store", () => {
    const result = evaluateRoleTrust(trustFacts(roleWithTrust(trust())));
    expect(result.status).toBe("warning");
    expect(result.sentence).toContain("doesn't pin it");
  });

  it("says unknown rather than guess about keys and operators it doesn't model", () => {
    const result = evaluateRoleTrust(
      trustFacts(roleWithTrust(trust({ StringEquals: { "aws:SourceOrgID": "o-abc" } }))),
    );
    expect(result.status).toBe("warning");
    expect(result.sentence).toContain("aws:SourceOrgID");
    const dates = evaluatePolicy(
      parsePolicyText(trust({ DateLessThan: { "aws:CurrentTime": "2030-01-01" } })) ?? {
        Statement: [],
      },
      {
        principal: { Service: "cloudtrail.amazonaws.com" },
        action: "sts:AssumeRole",
        context: { "aws:currenttime": "2026-01-01" },
      },
    );
    expect(dates.decision).toBe("unknown");
  });

  it("fails a missing role, and couldn't check one it may not read or that lives in another account", () => {
    expect(evaluateRoleTrust(trustFacts(notFound("iam:GetRole", "NoSuchEntity"))).status).toBe(
      "failure",
    );
    expect(evaluateRoleTrust(trustFacts(accessDenied("iam:GetRole")))).toMatchObject({
      status: "not-checked",
      missingPermission: "iam:GetRole",
    });
    expect(evaluateRoleTrust(trustFacts("other-account")).status).toBe("not-checked");
  });
});

describe("evaluateRolePermissions", () => {
  const facts = {
    ...POLICY_INPUTS,
    roleArn: ROLE_ARN,
    objectArn: OBJECT_ARN,
    bucketPolicy: fetched(null),
  };

  it("passes when the simulator allows listing and reading", () => {
    expect(evaluateRolePermissions({ ...facts, simulation: fetched(simulation()) }).status).toBe(
      "pass",
    );
  });

  it("fails a role without s3:GetObject and gives the permissions policy", () => {
    const result = evaluateRolePermissions({
      ...facts,
      simulation: fetched(simulation({ "s3:GetObject": "implicitDeny" })),
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toBe(
      "The role's policies don't allow s3:GetObject, which CloudTrail needs to read the log files.",
    );
    expect(result.fix?.copyable?.code).toContain('"s3:GetObject"');
  });

  it("names the policy behind an explicit deny", () => {
    const result = evaluateRolePermissions({
      ...facts,
      simulation: fetched(simulation({ "s3:ListBucket": "explicitDeny" })),
    });
    expect(result.sentence).toContain("explicitly denied: s3:ListBucket (DenyReads)");
  });

  it("warns when only s3:GetBucketAcl is missing", () => {
    expect(
      evaluateRolePermissions({
        ...facts,
        simulation: fetched(simulation({ "s3:GetBucketAcl": "implicitDeny" })),
      }).status,
    ).toBe("warning");
  });

  it("fails when the bucket policy denies the role, and ignores a Deny it doesn't match", () => {
    const deny = (condition: object) =>
      fetched(
        parsePolicyText(
          JSON.stringify({
            Statement: [
              {
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: "arn:aws:s3:::trail-logs/*",
                Condition: condition,
              },
            ],
          }),
        ),
      );
    const denied = evaluateRolePermissions({
      ...facts,
      simulation: fetched(simulation()),
      bucketPolicy: deny({ StringNotEquals: { "aws:PrincipalAccount": "999988887777" } }),
    });
    // aws:PrincipalAccount isn't modelled, so this Deny can't be decided and doesn't fail the check.
    expect(denied.status).toBe("pass");
    const tls = evaluateRolePermissions({
      ...facts,
      simulation: fetched(simulation()),
      bucketPolicy: deny({ Bool: { "aws:SecureTransport": "false" } }),
    });
    expect(tls.status).toBe("pass");
    const always = evaluateRolePermissions({
      ...facts,
      simulation: fetched(simulation()),
      bucketPolicy: deny({ StringEquals: { "aws:SourceAccount": ACCOUNT } }),
    });
    expect(always).toMatchObject({
      status: "failure",
      sentence: expect.stringContaining("bucket policy denies the role s3:GetObject"),
    });
  });

  it("couldn't check when the simulator is refused", () => {
    const result = evaluateRolePermissions({
      ...facts,
      simulation: accessDenied("iam:SimulatePrincipalPolicy"),
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "iam:SimulatePrincipalPolicy",
    });
  });
});

// The local IAM and Organizations through the real SDK v3 clients: GetRole's documents,
// SimulatePrincipalPolicy's decisions (role policies, a bucket policy, explicit deny,
// missing context), validation against the model, and DescribeOrganization.
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand } from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ACCOUNT_ID,
  DEMO_BUCKET,
  DEMO_ORG_ID,
  IMPORT_ROLE_ARN,
  NO_GET_OBJECT_ROLE_ARN,
  OTHER_STORE_ROLE_ARN,
  STORES,
} from "./seed/constants.ts";
import { iamClient, organizationsClient } from "./testing/aws-clients.ts";
import { errorOf, startTestLake, type TestLake } from "./testing/lake-harness.ts";

let world: TestLake;
let iam: ReturnType<typeof iamClient>;

beforeAll(async () => {
  world = await startTestLake();
  iam = iamClient(world.lake.url);
}, 60_000);
afterAll(() => world.cleanup());

const OBJECTS = `arn:aws:s3:::${DEMO_BUCKET}/AWSLogs/*`;

function simulate(
  roleArn: string,
  extra: Partial<ConstructorParameters<typeof SimulatePrincipalPolicyCommand>[0]> = {},
) {
  return iam.send(
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: roleArn,
      ActionNames: ["s3:GetObject", "s3:ListBucket"],
      ResourceArns: [OBJECTS, `arn:aws:s3:::${DEMO_BUCKET}`],
      ...extra,
    }),
  );
}

describe("GetRole", () => {
  it("returns the role with its URL-encoded trust policy naming the other store", async () => {
    const { Role } = await iam.send(
      new GetRoleCommand({ RoleName: "CloudTrailLakeImportOrgStore" }),
    );
    expect(Role).toMatchObject({
      Arn: OTHER_STORE_ROLE_ARN,
      Path: "/",
      RoleId: expect.stringMatching(/^AROA/),
    });
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    const trust = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? "")) as {
      Statement: { Principal: unknown; Condition: { StringEquals: Record<string, string> } }[];
    };
    expect(trust.Statement[0]?.Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
    expect(trust.Statement[0]?.Condition.StringEquals["aws:SourceArn"]).toBe(STORES.org.arn);
  });

  it("answers NoSuchEntity (404) for an unknown role and ValidationError for a bad name", async () => {
    const missing = await errorOf(() => iam.send(new GetRoleCommand({ RoleName: "missing" })));
    // The SDK names the modelled shape; the wire code is NoSuchEntity.
    expect(missing.name).toBe("NoSuchEntityException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const invalid = await errorOf(() => iam.send(new GetRoleCommand({ RoleName: "bad name" })));
    expect(invalid.name).toBe("ValidationError");
    expect(invalid.message).toContain("at 'roleName' failed to satisfy constraint");
  });
});

describe("SimulatePrincipalPolicy", () => {
  it("allows the import role to read and list, naming the matched policy", async () => {
    const { EvaluationResults } = await simulate(IMPORT_ROLE_ARN);
    const decisions = EvaluationResults?.map((r) => [
      r.EvalActionName,
      r.EvalResourceName,
      r.EvalDecision,
    ]);
    expect(decisions).toEqual([
      ["s3:GetObject", OBJECTS, "allowed"],
      ["s3:GetObject", `arn:aws:s3:::${DEMO_BUCKET}`, "implicitDeny"],
      // IAM's `*` spans "/", so the bucket-level grant on trail-imports-* matches object ARNs too.
      ["s3:ListBucket", OBJECTS, "allowed"],
      ["s3:ListBucket", `arn:aws:s3:::${DEMO_BUCKET}`, "allowed"],
    ]);
    expect(EvaluationResults?.[0]?.MatchedStatements).toEqual([
      { SourcePolicyId: "CloudTrailLakeImportPolicy", SourcePolicyType: "role" },
    ]);
  });

  it("reports implicitDeny for the role without s3:GetObject", async () => {
    const { EvaluationResults } = await simulate(NO_GET_OBJECT_ROLE_ARN, {
      ActionNames: ["s3:GetObject"],
      ResourceArns: [OBJECTS],
    });
    expect(EvaluationResults?.[0]?.EvalDecision).toBe("implicitDeny");
  });

  it("lets an explicit Deny in a resource policy win, and needs CallerArn with one", async () => {
    const ResourcePolicy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: OBJECTS }],
    });
    const noCaller = await errorOf(() => simulate(IMPORT_ROLE_ARN, { ResourcePolicy }));
    expect(noCaller.name).toBe("InvalidInputException");
    const { EvaluationResults } = await simulate(IMPORT_ROLE_ARN, {
      ResourcePolicy,
      CallerArn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/trail-imports-app`,
      ActionNames: ["s3:GetObject"],
      ResourceArns: [OBJECTS],
    });
    expect(EvaluationResults?.[0]).toMatchObject({
      EvalDecision: "explicitDeny",
      MatchedStatements: [{ SourcePolicyId: "ResourcePolicy", SourcePolicyType: "resource" }],
    });
  });

  it("lists condition keys the context lacks", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": DEMO_ACCOUNT_ID } },
        },
      ],
    });
    const role = NO_GET_OBJECT_ROLE_ARN;
    const without = await simulate(role, {
      ActionNames: ["kms:Decrypt"],
      ResourceArns: ["*"],
      PolicyInputList: [policy],
    });
    expect(without.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: "implicitDeny",
      MissingContextValues: ["aws:SourceAccount"],
    });
    const withContext = await simulate(role, {
      ActionNames: ["kms:Decrypt"],
      ResourceArns: ["*"],
      PolicyInputList: [policy],
      ContextEntries: [
        {
          ContextKeyName: "aws:SourceAccount",
          ContextKeyValues: [DEMO_ACCOUNT_ID],
          ContextKeyType: "string",
        },
      ],
    });
    expect(withContext.EvaluationResults?.[0]?.EvalDecision).toBe("allowed");
  });

  it("validates against the model and answers NoSuchEntity for an unknown role", async () => {
    const short = await errorOf(() => simulate("arn:aws:iam::1:x"));
    expect(short.name).toBe("ValidationError");
    expect(short.message).toContain("at 'policySourceArn'");
    const unknown = await errorOf(() =>
      simulate("arn:aws:iam::444455556666:role/CloudTrailLakeImport"),
    );
    expect(unknown.name).toBe("NoSuchEntityException");
  });
});

describe("DescribeOrganization", () => {
  it("names the demo account as the management account", async () => {
    const { Organization } = await organizationsClient(world.lake.url).send(
      new DescribeOrganizationCommand({}),
    );
    expect(Organization).toMatchObject({
      Id: DEMO_ORG_ID,
      MasterAccountId: DEMO_ACCOUNT_ID,
      FeatureSet: "ALL",
    });
  });
});

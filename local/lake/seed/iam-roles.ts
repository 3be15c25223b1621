// The local world's IAM roles: what GetRole and SimulatePrincipalPolicy answer from, and what
// decides whether CloudTrail may assume an import's role. One role per preflight case.
import { stableId } from "../identity/ids.ts";
import type { PolicyDocument, Statement } from "../iam/policy-types.ts";
import {
  DEMO_ACCOUNT_ID,
  DENIED_ROLE_ARN,
  IMPORT_ROLE_ARN,
  NO_GET_OBJECT_ROLE_ARN,
  OTHER_STORE_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STATIC_USERS,
  APP_ACCESS_KEY_ID,
  STORES,
} from "./constants.ts";

export type RoleRecord = {
  arn: string;
  name: string;
  path: string;
  roleId: string;
  accountId: string;
  createdMs: number;
  description: string;
  trustPolicy: PolicyDocument;
  /** Inline permission policies by name. */
  policies: { name: string; document: PolicyDocument }[];
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_BUCKETS_ARN = "arn:aws:s3:::trail-imports-*";

const doc = (...statements: Statement[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: statements,
});

/** The trust policy CloudTrail's documentation gives for the copy role. */
function cloudTrailTrust(sourceArn?: string): PolicyDocument {
  return doc({
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "sts:AssumeRole",
    Condition: {
      StringEquals: {
        "aws:SourceAccount": DEMO_ACCOUNT_ID,
        ...(sourceArn === undefined ? {} : { "aws:SourceArn": sourceArn }),
      },
    },
  });
}

const LIST_STATEMENT: Statement = {
  Sid: "ListTrailBuckets",
  Effect: "Allow",
  Action: ["s3:ListBucket", "s3:GetBucketAcl", "s3:GetBucketLocation"],
  Resource: DEMO_BUCKETS_ARN,
};
const READ_STATEMENT: Statement = {
  Sid: "ReadTrailLogs",
  Effect: "Allow",
  Action: "s3:GetObject",
  Resource: `${DEMO_BUCKETS_ARN}/*`,
};
const DECRYPT_STATEMENT: Statement = {
  Sid: "DecryptTrailLogs",
  Effect: "Allow",
  Action: "kms:Decrypt",
  Resource: `arn:aws:kms:*:${DEMO_ACCOUNT_ID}:key/*`,
};

function role(
  arn: string,
  ageDays: number,
  description: string,
  trustPolicy: PolicyDocument,
  policy: PolicyDocument,
  seedEndMs: number,
): RoleRecord {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  return {
    arn,
    name,
    path: "/",
    roleId: stableId("AROA", arn),
    accountId: DEMO_ACCOUNT_ID,
    createdMs: seedEndMs - ageDays * DAY_MS,
    description,
    trustPolicy,
    policies: [{ name: `${name}Policy`, document: policy }],
  };
}

/** Every role of the demo account, dated relative to the world's seed end. */
export function demoRoles(seedEndMs: number): RoleRecord[] {
  const appUser = `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${STATIC_USERS[APP_ACCESS_KEY_ID] ?? ""}`;
  return [
    role(
      IMPORT_ROLE_ARN,
      380,
      "CloudTrail Lake reads the trail buckets with this role.",
      cloudTrailTrust(),
      doc(LIST_STATEMENT, READ_STATEMENT, DECRYPT_STATEMENT),
      seedEndMs,
    ),
    role(
      DENIED_ROLE_ARN,
      300,
      "Copy of the import role whose trust policy names EC2 instead of CloudTrail.",
      doc({
        Effect: "Allow",
        Principal: { Service: "ec2.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      doc(LIST_STATEMENT, READ_STATEMENT),
      seedEndMs,
    ),
    role(
      OTHER_STORE_ROLE_ARN,
      200,
      "Trusts CloudTrail only on behalf of the organization event data store.",
      cloudTrailTrust(STORES.org.arn),
      doc(LIST_STATEMENT, READ_STATEMENT, DECRYPT_STATEMENT),
      seedEndMs,
    ),
    role(
      NO_GET_OBJECT_ROLE_ARN,
      120,
      "Can list the trail buckets but not read their objects.",
      cloudTrailTrust(),
      doc(LIST_STATEMENT),
      seedEndMs,
    ),
    role(
      PER_USER_ROLE_ARN,
      400,
      "The Trail Imports app assumes this role for each signed-in user.",
      doc({
        Effect: "Allow",
        Principal: { AWS: appUser },
        Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
      }),
      doc({
        Effect: "Allow",
        Action: ["cloudtrail:*Import*", "cloudtrail:LookupEvents", "cloudtrail:*EventDataStore*"],
        Resource: "*",
      }),
      seedEndMs,
    ),
  ];
}

/** The role an ARN names, or undefined when the local world has no such role. */
export function findRole(arn: string, seedEndMs: number): RoleRecord | undefined {
  return demoRoles(seedEndMs).find((r) => r.arn === arn);
}

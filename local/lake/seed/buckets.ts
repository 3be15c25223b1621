// The local S3's buckets: Region, owner, object ownership and bucket policy. A bucket folder
// that is not listed here (one a test wrote through /_admin) is a plain us-east-1 bucket of the
// demo account with ACLs disabled and no policy.
import type { PolicyDocument } from "../iam/policy-types.ts";
import {
  ACL_BUCKET,
  BUCKET_REGION,
  DEMO_ACCOUNT_ID,
  DEMO_BUCKET,
  E2E_BUCKET,
  EU_BUCKET,
  EU_BUCKET_REGION,
  IMPORT_ROLE_ARN,
  PARTNER_ACCOUNT_ID,
  PARTNER_BUCKET,
} from "./constants.ts";

export type ObjectOwnership = "BucketOwnerEnforced" | "BucketOwnerPreferred" | "ObjectWriter";

export type BucketRecord = {
  name: string;
  region: string;
  accountId: string;
  /** null: the bucket predates the setting (GetBucketOwnershipControls → OwnershipControlsNotFoundError). */
  ownership: ObjectOwnership | null;
  policy: PolicyDocument | null;
};

/** The bucket policy CloudTrail's guide gives for the copy role. */
function importRolePolicy(bucket: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowCloudTrailLakeImport",
        Effect: "Allow",
        Principal: { AWS: IMPORT_ROLE_ARN },
        Action: ["s3:ListBucket", "s3:GetBucketAcl", "s3:GetObject"],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}

const BUCKETS: readonly BucketRecord[] = [
  {
    name: DEMO_BUCKET,
    region: BUCKET_REGION,
    accountId: DEMO_ACCOUNT_ID,
    ownership: "BucketOwnerEnforced",
    policy: importRolePolicy(DEMO_BUCKET),
  },
  {
    name: E2E_BUCKET,
    region: BUCKET_REGION,
    accountId: DEMO_ACCOUNT_ID,
    ownership: "BucketOwnerEnforced",
    policy: null,
  },
  {
    name: EU_BUCKET,
    region: EU_BUCKET_REGION,
    accountId: DEMO_ACCOUNT_ID,
    ownership: "BucketOwnerEnforced",
    policy: importRolePolicy(EU_BUCKET),
  },
  {
    name: ACL_BUCKET,
    region: BUCKET_REGION,
    accountId: DEMO_ACCOUNT_ID,
    ownership: "ObjectWriter",
    policy: null,
  },
  {
    // Another account's trail bucket: it lets the demo account's import role in, nobody else.
    name: PARTNER_BUCKET,
    region: BUCKET_REGION,
    accountId: PARTNER_ACCOUNT_ID,
    ownership: null,
    policy: importRolePolicy(PARTNER_BUCKET),
  },
];

/** The record of a bucket (the defaults above for one this table does not list). */
export function bucketRecord(name: string): BucketRecord {
  return (
    BUCKETS.find((b) => b.name === name) ?? {
      name,
      region: BUCKET_REGION,
      accountId: DEMO_ACCOUNT_ID,
      ownership: "BucketOwnerEnforced",
      policy: null,
    }
  );
}

/** Every bucket the seed writes. */
export const SEEDED_BUCKETS: readonly string[] = BUCKETS.map((b) => b.name);

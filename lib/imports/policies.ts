// The IAM documents an import's S3 access role needs (the trust policy that lets CloudTrail assume
// it, and read access to the bucket and its KMS key), generated from the
// wizard's choices so nobody has to assemble ARNs by hand. Pure: safe in client and server code.
import { parseEventDataStoreArn, partitionOfRegion } from "@/lib/schemas/import";

/** What the generator needs; anything missing is shown as a `<placeholder>`. */
export interface PolicyInputs {
  /** Destination event data store ARN. */
  storeArn: string;
  /** `s3://bucket[/prefix]`. */
  s3Uri: string;
  /** The S3 access role (for the bucket and key policies). */
  roleArn?: string;
  /** KMS key that encrypts the log objects (SSE-KMS); adds the KMS statements when set. */
  kmsKeyArn?: string;
}

export interface ImportPolicies {
  trustPolicy: string;
  permissionsPolicy: string;
  bucketPolicyStatement: string;
  /** Only when a KMS key is involved. */
  kmsKeyPolicyStatement?: string;
}

/** Splits `s3://bucket/prefix/` into bucket and prefix (without leading or trailing slashes). */
export function splitS3Uri(uri: string): { bucket: string; prefix: string } {
  const rest = uri.startsWith("s3://") ? uri.slice("s3://".length) : uri;
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = slash === -1 ? "" : rest.slice(slash + 1).replace(/^\/+|\/+$/g, "");
  return { bucket, prefix };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * The trust policy, permissions policy, bucket policy statement and (with a KMS key) key policy
 * statement for an import into `storeArn` from `s3Uri`. The source-account and source-ARN
 * conditions pin CloudTrail's use of the role to this one event data store.
 */
export function generateImportPolicies(inputs: PolicyInputs): ImportPolicies {
  const store = parseEventDataStoreArn(inputs.storeArn);
  const account = store?.accountId ?? "<lake-account-id>";
  const partition = store?.partition ?? partitionOfRegion(store?.region ?? "");
  const sourceArn = store
    ? inputs.storeArn
    : "arn:aws:cloudtrail:<region>:<lake-account-id>:eventdatastore/<eds-id>";
  const { bucket: rawBucket, prefix } = splitS3Uri(inputs.s3Uri);
  const bucket = rawBucket || "<bucket>";
  const role = inputs.roleArn || "<s3-access-role-arn>";
  const conditions = { StringEquals: { "aws:SourceAccount": account, "aws:SourceArn": sourceArn } };
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  const objectArns = prefix
    ? [`${bucketArn}/${prefix}`, `${bucketArn}/${prefix}/*`]
    : [`${bucketArn}/*`];

  const trustPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: conditions,
      },
    ],
  };

  const permissionStatements: object[] = [
    {
      Sid: "ListAndReadBucketAcl",
      Effect: "Allow",
      Action: ["s3:ListBucket", "s3:GetBucketAcl"],
      Resource: bucketArn,
      Condition: conditions,
    },
    {
      Sid: "ReadLogObjects",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: objectArns,
      Condition: conditions,
    },
  ];
  if (inputs.kmsKeyArn) {
    permissionStatements.push({
      Sid: "DecryptLogObjects",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: inputs.kmsKeyArn,
      Condition: conditions,
    });
  }

  const bucketPolicyStatement = {
    Sid: "AllowCloudTrailLakeImport",
    Effect: "Allow",
    Principal: { AWS: role },
    Action: ["s3:ListBucket", "s3:GetBucketAcl", "s3:GetObject"],
    Resource: [bucketArn, `${bucketArn}/*`],
  };

  const policies: ImportPolicies = {
    trustPolicy: json(trustPolicy),
    permissionsPolicy: json({ Version: "2012-10-17", Statement: permissionStatements }),
    bucketPolicyStatement: json(bucketPolicyStatement),
  };
  if (inputs.kmsKeyArn) {
    policies.kmsKeyPolicyStatement = json({
      Sid: "AllowCloudTrailLakeImportDecrypt",
      Effect: "Allow",
      Principal: { AWS: role },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      // The S3 encryption context is the object's ARN, so the bucket-wide pattern needs StringLike.
      Condition: {
        StringLike: { "kms:EncryptionContext:aws:s3:arn": `${bucketArn}/*` },
        ...conditions,
      },
    });
  }
  return policies;
}

// May CloudTrail read an import's source? The checks AWS makes when an import initializes, in
// order: assume the role (it must exist and trust cloudtrail.amazonaws.com for this account and
// event data store), reach the bucket in the Region the import names, and list and read it with
// the role's permissions (plus the bucket policy when the bucket is in another account).
import { contextOf, evaluatePolicies } from "../iam/evaluate-policy.ts";
import { parseS3Uri } from "../s3/s3-uri.ts";
import { bucketRecord } from "../seed/buckets.ts";
import { findRole } from "../seed/iam-roles.ts";
import type { ImportRecord } from "../state/types.ts";

export type AccessFailure = { errorType: string; errorMessage: string };

const CLOUDTRAIL = "cloudtrail.amazonaws.com";

/** Why CloudTrail cannot read the import's source, or null when it can. */
export function checkImportAccess(record: ImportRecord, seedEndMs: number): AccessFailure | null {
  const { roleArn, uri, bucketRegion } = record.source;
  const location = parseS3Uri(uri);
  const role = findRole(roleArn, seedEndMs);
  const context = contextOf({
    "aws:SourceAccount": record.accountId,
    "aws:SourceArn": record.destination,
  });
  if (!role) {
    return {
      errorType: "AccessDenied",
      errorMessage: `Access denied: CloudTrail could not assume ${roleArn}. The role does not exist, or it is in an account that does not let CloudTrail in ${record.accountId} assume it.`,
    };
  }
  const trust = evaluatePolicies([{ id: "trust", type: "resource", document: role.trustPolicy }], {
    action: "sts:AssumeRole",
    resource: role.arn,
    principal: { service: CLOUDTRAIL },
    context,
  });
  if (trust.decision !== "allowed") {
    return {
      errorType: "AccessDenied",
      errorMessage: `Access denied: CloudTrail could not assume ${roleArn} to read ${uri}. Its trust policy must allow ${CLOUDTRAIL} to call sts:AssumeRole with aws:SourceAccount ${record.accountId} and aws:SourceArn ${record.destination}.`,
    };
  }
  if (!location) return null;
  const bucket = bucketRecord(location.bucket);
  if (bucket.region !== bucketRegion) {
    return {
      errorType: "PermanentRedirect",
      errorMessage: `The S3 bucket ${bucket.name} is in ${bucket.region}, but the import names S3BucketRegion ${bucketRegion}. Start a new import with S3BucketRegion ${bucket.region}.`,
    };
  }
  const bucketArn = `arn:aws:s3:::${bucket.name}`;
  const needs = [
    { action: "s3:ListBucket", resource: bucketArn },
    { action: "s3:GetObject", resource: `${bucketArn}/${location.prefix}` },
  ];
  for (const need of needs) {
    const req = { ...need, principal: { aws: role.arn }, context };
    const identity = evaluatePolicies(
      role.policies.map((p) => ({ id: p.name, type: "role" as const, document: p.document })),
      req,
    ).decision;
    const resource =
      bucket.policy === null
        ? "implicitDeny"
        : evaluatePolicies([{ id: bucket.name, type: "resource", document: bucket.policy }], req)
            .decision;
    const sameAccount = bucket.accountId === role.accountId;
    const allowed =
      identity !== "explicitDeny" &&
      resource !== "explicitDeny" &&
      (sameAccount
        ? identity === "allowed" || resource === "allowed"
        : identity === "allowed" && resource === "allowed");
    if (!allowed) {
      return {
        errorType: "AccessDenied",
        errorMessage: `Access denied: ${roleArn} may not call ${need.action} on ${need.resource}. Allow s3:ListBucket and s3:GetBucketAcl on the bucket and s3:GetObject on the prefix in the role's permissions policy${sameAccount ? "" : " and in the bucket policy"}.`,
      };
    }
  }
  return null;
}

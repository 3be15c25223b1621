// Check 4: CloudTrail copies trail logs only from buckets whose ACLs are disabled, which S3
// calls Object Ownership "BucketOwnerEnforced".
import type { CheckResult } from "@/lib/schemas/preflight";
import type { OwnershipFacts } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { checkResult, couldNotCheck } from "./result";

export interface ObjectOwnershipFacts {
  bucket: string;
  /** GetBucketOwnershipControls; not-found (OwnershipControlsNotFoundError) means no setting, so ACLs apply. */
  controls: Fetched<OwnershipFacts>;
}

/** The command that disables ACLs on `bucket`. */
export function disableAclsCommand(bucket: string): string {
  return `aws s3api put-bucket-ownership-controls --bucket ${bucket} --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'`;
}

/** Whether the bucket's ACLs are disabled. */
export function evaluateObjectOwnership({ bucket, controls }: ObjectOwnershipFacts): CheckResult {
  if (!controls.ok && controls.reason !== "not-found") {
    return couldNotCheck(
      "object-ownership",
      controls,
      `whether bucket ${bucket} has ACLs disabled`,
    );
  }
  const setting = controls.ok ? controls.value.objectOwnership : undefined;
  if (setting === "BucketOwnerEnforced") {
    return checkResult(
      "object-ownership",
      "pass",
      `Bucket ${bucket} has ACLs disabled (Object Ownership: bucket owner enforced).`,
    );
  }
  const described = setting
    ? `Object Ownership is ${setting}`
    : "it has no Object Ownership setting";
  return checkResult(
    "object-ownership",
    "failure",
    `Bucket ${bucket} has ACLs enabled (${described}); CloudTrail refuses to copy from a bucket with ACLs. Disabling them keeps existing objects readable by the bucket owner.`,
    {
      fix: {
        text: "Disable ACLs by setting Object Ownership to bucket owner enforced. First make sure no bucket or object ACL grants access that a policy doesn't.",
        copyable: { label: "Command to disable ACLs", code: disableAclsCommand(bucket) },
      },
      details: [{ label: "Object Ownership", value: setting ?? "not set" }],
    },
  );
}

// Check 8b: may the role list the bucket and read the log files? IAM's policy simulator answers
// for the role's own policies. It cannot simulate the bucket policy for a role (IAM requires an
// IAM user as the caller whenever a resource policy is given), so the bucket policy is evaluated
// here with policy-document.ts, only to catch a Deny that would override the role's Allow.
import { generateImportPolicies, splitS3Uri, type PolicyInputs } from "@/lib/imports/policies";
import { parseEventDataStoreArn, partitionOfRegion } from "@/lib/schemas/import";
import type { CheckResult } from "@/lib/schemas/preflight";
import type { PolicyDocument, SimulationResult } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { listSome } from "./format";
import { evaluatePolicy } from "./policy-document";
import { checkResult, couldNotCheck, notChecked } from "./result";

export interface RolePermissionsFacts extends PolicyInputs {
  roleArn: string;
  /** The object ARN the simulation used (a listed log file, so Resource patterns match as for a real read). */
  objectArn: string;
  simulation: Fetched<SimulationResult[]> | "other-account";
  /** GetBucketPolicy; `null` when the bucket has none (NoSuchBucketPolicy). */
  bucketPolicy: Fetched<PolicyDocument | null>;
}

/** The actions CloudTrail uses on the source, and which resource each is checked on. */
export function requiredS3Actions(s3Uri: string, storeArn: string, objectArn: string) {
  const { bucket, prefix } = splitS3Uri(s3Uri);
  const partition = partitionOfRegion(parseEventDataStoreArn(storeArn)?.region ?? "");
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  return [
    { action: "s3:ListBucket", resource: bucketArn, required: true, prefix },
    { action: "s3:GetObject", resource: objectArn, required: true, prefix },
    // In CloudTrail's documented policy; reads of the bucket ACL fail soft, so it only warns.
    { action: "s3:GetBucketAcl", resource: bucketArn, required: false, prefix },
  ];
}

function permissionsFix(facts: RolePermissionsFacts, text: string) {
  const name = facts.roleArn.slice(facts.roleArn.lastIndexOf("/") + 1);
  return {
    text: `${text} Save this as permissions.json, then run: aws iam put-role-policy --role-name ${name} --policy-name CloudTrailLakeImport --policy-document file://permissions.json`,
    copyable: {
      label: "Role permissions policy JSON",
      code: generateImportPolicies(facts).permissionsPolicy,
    },
  };
}

function decisionFor(
  results: SimulationResult[],
  action: string,
  resource: string,
): SimulationResult | undefined {
  const same = (r: SimulationResult) => r.action.toLowerCase() === action.toLowerCase();
  return results.find((r) => same(r) && r.resource === resource) ?? results.find(same);
}

/** Whether the role's policies, and the bucket policy, let it list the bucket and read the logs. */
export function evaluateRolePermissions(facts: RolePermissionsFacts): CheckResult {
  const { simulation, bucketPolicy } = facts;
  if (simulation === "other-account") {
    return notChecked(
      "role-permissions",
      "The role is in another account than the app, and IAM simulates only roles in the caller's own account.",
      { fix: permissionsFix(facts, "Make sure the role has:") },
    );
  }
  if (!simulation.ok) {
    if (simulation.reason === "not-found") {
      return checkResult(
        "role-permissions",
        "failure",
        "The role doesn't exist, so it has no permissions.",
        { fix: permissionsFix(facts, "Create the role, then attach:") },
      );
    }
    return couldNotCheck("role-permissions", simulation, "the role's S3 permissions");
  }
  const needed = requiredS3Actions(facts.s3Uri, facts.storeArn, facts.objectArn);
  const account = facts.storeArn.split(":")[4];
  const denied: string[] = [];
  const explicit: string[] = [];
  const optional: string[] = [];
  const details = needed.map(({ action, resource, required }) => {
    const result = decisionFor(simulation.value, action, resource);
    const decision = result?.decision ?? "not simulated";
    if (decision !== "allowed") {
      (required ? denied : optional).push(action);
      if (decision === "explicitDeny")
        explicit.push(`${action} (${listSome(result?.matchedPolicies ?? [], 2) || "a policy"})`);
    }
    const missing = result?.missingContext.length
      ? `; missing context ${result.missingContext.join(", ")}`
      : "";
    return { label: `${action} on ${resource}`, value: `${decision}${missing}` };
  });
  if (denied.length > 0) {
    const why = explicit.length ? ` It is explicitly denied: ${listSome(explicit, 2)}.` : "";
    return checkResult(
      "role-permissions",
      "failure",
      `The role's policies don't allow ${listSome(denied)}, which CloudTrail needs to ${denied.includes("s3:GetObject") ? "read the log files" : "list the bucket"}.${why}`,
      {
        fix: permissionsFix(facts, "Attach a policy like this one to the role:"),
        details,
      },
    );
  }
  const document = bucketPolicy.ok ? bucketPolicy.value : null;
  if (document) {
    const deniedByBucket = needed.filter(
      ({ action, resource, prefix }) =>
        evaluatePolicy(document, {
          principal: { AWS: facts.roleArn },
          action,
          resource,
          context: {
            "aws:sourcearn": facts.storeArn,
            "aws:sourceaccount": account,
            "aws:securetransport": "true",
            "s3:prefix": prefix,
          },
        }).decision === "explicit-deny",
    );
    if (deniedByBucket.length > 0) {
      return checkResult(
        "role-permissions",
        "failure",
        `The bucket policy denies the role ${listSome(deniedByBucket.map((d) => d.action))}, which overrides the role's own permissions.`,
        {
          fix: {
            text: "Remove or narrow the Deny statement in the bucket policy, and make sure it allows the role:",
            copyable: {
              label: "Bucket policy statement JSON",
              code: generateImportPolicies(facts).bucketPolicyStatement,
            },
          },
          details,
        },
      );
    }
  }
  if (!bucketPolicy.ok && bucketPolicy.reason === "access-denied") {
    details.push({
      label: "Bucket policy",
      value: `not read (${bucketPolicy.permission} refused), so a Deny in it wasn't checked`,
    });
  }
  if (optional.length > 0) {
    return checkResult(
      "role-permissions",
      "warning",
      `The role may list the bucket and read the logs, but lacks ${listSome(optional)}, which CloudTrail's documented policy includes.`,
      {
        fix: permissionsFix(facts, "Add it with:"),
        details,
      },
    );
  }
  return checkResult(
    "role-permissions",
    "pass",
    "The role's policies allow s3:ListBucket on the bucket and s3:GetObject on the log files, and the bucket policy doesn't deny them.",
    { details },
  );
}

// Check 8a: may CloudTrail assume the role for this store? Evaluates the role's trust policy for
// principal cloudtrail.amazonaws.com doing sts:AssumeRole with the two context keys CloudTrail
// is documented to send: aws:SourceArn (the event data store) and aws:SourceAccount (its account).
// Limits are those of policy-document.ts; anything it can't model is reported, not guessed.
import { generateImportPolicies, type PolicyInputs } from "@/lib/imports/policies";
import type { CheckResult } from "@/lib/schemas/preflight";
import type { RoleFacts } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { listSome } from "./format";
import { evaluatePolicy, hasConditionKey, type ConditionMismatch } from "./policy-document";
import { checkResult, couldNotCheck, notChecked } from "./result";

export const CLOUDTRAIL_PRINCIPAL = "cloudtrail.amazonaws.com";

export interface RoleTrustFacts extends PolicyInputs {
  roleArn: string;
  /** GetRole; "other-account" when the role isn't in the app's account, which IAM can't read. */
  role: Fetched<RoleFacts> | "other-account";
}

function roleName(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf("/") + 1);
}

/** The trust policy to paste, and the command that sets it. */
function trustFix(facts: RoleTrustFacts, text: string) {
  const policy = generateImportPolicies(facts).trustPolicy;
  return {
    text: `${text} Save this as trust-policy.json, then run: aws iam update-assume-role-policy --role-name ${roleName(facts.roleArn)} --policy-document file://trust-policy.json`,
    copyable: { label: "Trust policy JSON", code: policy },
  };
}

function describeMismatch(m: ConditionMismatch): string {
  return `${m.key} ${m.operator} ${listSome(m.policyValues, 2)} (this import sends ${m.actual ?? "nothing"})`;
}

/** Whether the trust policy lets CloudTrail assume the role for this store and account. */
export function evaluateRoleTrust(facts: RoleTrustFacts): CheckResult {
  const { role, storeArn } = facts;
  const account = storeArn.split(":")[4] ?? "";
  if (role === "other-account") {
    return notChecked(
      "role-trust",
      `The role is in account ${facts.roleArn.split(":")[4]}, and the app can read roles only in its own account, so its trust policy wasn't checked.`,
      {
        fix: trustFix(
          facts,
          "Make sure the role trusts CloudTrail for this store, as the policy below does.",
        ),
      },
    );
  }
  if (!role.ok) {
    if (role.reason === "not-found") {
      return checkResult(
        "role-trust",
        "failure",
        `Role ${roleName(facts.roleArn)} doesn't exist in account ${facts.roleArn.split(":")[4]}.`,
        {
          fix: trustFix(
            facts,
            `Create it with this trust policy (aws iam create-role --role-name ${roleName(facts.roleArn)} --assume-role-policy-document file://trust-policy.json), or choose another role.`,
          ),
        },
      );
    }
    return couldNotCheck("role-trust", role, "the role's trust policy");
  }
  if (!role.value.trustPolicy) {
    return checkResult(
      "role-trust",
      "warning",
      "The role's trust policy couldn't be read as a policy document, so it's unknown whether CloudTrail may assume it.",
    );
  }
  const verdict = evaluatePolicy(role.value.trustPolicy, {
    principal: { Service: CLOUDTRAIL_PRINCIPAL },
    action: "sts:AssumeRole",
    context: { "aws:sourcearn": storeArn, "aws:sourceaccount": account },
  });
  if (verdict.decision === "explicit-deny") {
    return checkResult(
      "role-trust",
      "failure",
      "The role's trust policy explicitly denies CloudTrail assuming it for this store.",
      { fix: trustFix(facts, "Remove the Deny, or replace the trust policy with the one below.") },
    );
  }
  if (verdict.decision === "unknown") {
    return checkResult(
      "role-trust",
      "warning",
      `The trust policy may let CloudTrail assume the role, but it depends on ${listSome(verdict.unknowns, 2)}, which this check can't evaluate.`,
      {
        fix: trustFix(facts, "If the import fails to assume the role, use the trust policy below."),
      },
    );
  }
  if (verdict.decision === "implicit-deny") {
    const scoped = verdict.mismatches.filter((m) => /^aws:source(arn|account)$/i.test(m.key));
    const sentence = scoped.length
      ? `The trust policy lets CloudTrail assume the role only when ${listSome(scoped.map(describeMismatch), 2)}, so it won't work for this store.`
      : `The trust policy doesn't let ${CLOUDTRAIL_PRINCIPAL} assume the role (sts:AssumeRole).`;
    return checkResult("role-trust", "failure", sentence, {
      fix: trustFix(facts, "Add this store to the trust policy, or replace it with the one below."),
      details: scoped.map((m) => ({
        label: m.key,
        value: `policy: ${m.policyValues.join(", ")}; this import: ${m.actual ?? "none"}`,
      })),
    });
  }
  const pinned = verdict.allowing.every(
    (s) => hasConditionKey(s, "aws:SourceArn") || hasConditionKey(s, "aws:SourceAccount"),
  );
  if (!pinned) {
    return checkResult(
      "role-trust",
      "warning",
      "CloudTrail may assume the role, but the trust policy doesn't pin it to an event data store or account (no aws:SourceArn or aws:SourceAccount condition), so CloudTrail acting for any account could use it.",
      {
        fix: trustFix(facts, "Add the source conditions, as the policy below does."),
      },
    );
  }
  return checkResult(
    "role-trust",
    "pass",
    "The trust policy lets CloudTrail assume the role for this event data store only.",
  );
}

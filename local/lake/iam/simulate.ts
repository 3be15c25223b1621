// SimulatePrincipalPolicy over the local world's roles: every action × resource pair is
// evaluated against the role's inline policies (plus PolicyInputList), and against
// ResourcePolicy when one is given, with IAM's same-account/cross-account rule.
import { contextOf, evaluatePolicies, type EvalResult } from "./evaluate-policy.ts";
import type { NamedPolicy, PolicyDocument } from "./policy-types.ts";

export type ContextEntry = { ContextKeyName?: string; ContextKeyValues?: string[] };

export type SimulationInput = {
  identityPolicies: NamedPolicy[];
  resourcePolicy?: NamedPolicy;
  /** Account of the simulated principal and of the resource (ResourceOwner), for the cross-account rule. */
  principalAccount: string;
  resourceAccount: string;
  callerArn: string;
  actions: string[];
  resources: string[];
  context: ContextEntry[];
};

export type SimulationResult = EvalResult & { action: string; resource: string };

/** Parses a policy document given as text; null when it is not a policy this evaluator reads. */
export function parsePolicy(text: string): PolicyDocument | null {
  try {
    const value = JSON.parse(text) as { Statement?: unknown };
    const statements = Array.isArray(value.Statement)
      ? value.Statement
      : value.Statement === undefined
        ? null
        : [value.Statement];
    if (
      !statements ||
      !statements.every((s) => typeof s === "object" && s !== null && "Effect" in s)
    )
      return null;
    return { Version: "2012-10-17", Statement: statements as PolicyDocument["Statement"] };
  } catch {
    return null;
  }
}

function combine(
  identity: EvalResult,
  resource: EvalResult | null,
  sameAccount: boolean,
): EvalResult {
  if (!resource) return identity;
  const missingContext = [...new Set([...identity.missingContext, ...resource.missingContext])];
  if (identity.decision === "explicitDeny" || resource.decision === "explicitDeny") {
    const matched = [identity, resource]
      .filter((r) => r.decision === "explicitDeny")
      .flatMap((r) => r.matched);
    return { decision: "explicitDeny", matched, missingContext };
  }
  // Within one account either policy may allow; across accounts both must.
  const allowed = sameAccount
    ? identity.decision === "allowed" || resource.decision === "allowed"
    : identity.decision === "allowed" && resource.decision === "allowed";
  if (!allowed) return { decision: "implicitDeny", matched: [], missingContext };
  return {
    decision: "allowed",
    matched: [...identity.matched, ...resource.matched],
    missingContext: [],
  };
}

/** One result per action and resource, in request order. */
export function simulate(input: SimulationInput): SimulationResult[] {
  const context = contextOf(
    Object.fromEntries(
      input.context.map((c) => [c.ContextKeyName ?? "", c.ContextKeyValues ?? []]),
    ),
  );
  const results: SimulationResult[] = [];
  for (const action of input.actions) {
    for (const resource of input.resources) {
      const req = { action, resource, principal: { aws: input.callerArn }, context };
      const identity = evaluatePolicies(input.identityPolicies, req);
      const resourceResult = input.resourcePolicy
        ? evaluatePolicies([input.resourcePolicy], req)
        : null;
      const sameAccount = input.principalAccount === input.resourceAccount;
      results.push({ action, resource, ...combine(identity, resourceResult, sameAccount) });
    }
  }
  return results;
}

// A small, honest IAM policy evaluator: Allow/Deny, `*` and `?` wildcards in Action (case-
// insensitive) and Resource, NotAction/NotResource, principals in resource policies, and the
// string/ARN/Bool condition operators. Anything it does not understand (other operators,
// policy variables, IfExists, ForAnyValue) makes the statement NOT match, so it errs towards
// implicitDeny. docs/local-world.md lists these limits.
import { listOf, type NamedPolicy, type Principal, type Statement } from "./policy-types.ts";

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

export type EvalRequest = {
  action: string;
  resource: string;
  /** Who asks, for resource and trust policies: an ARN / account id, or a service principal. */
  principal?: { aws?: string; service?: string };
  /** Context keys (lower-cased names are compared) → values. */
  context: Readonly<Record<string, readonly string[]>>;
};

export type EvalResult = {
  decision: Decision;
  /** Statements that decided it: the Deny ones for explicitDeny, the Allow ones for allowed. */
  matched: { policyId: string; policyType: NamedPolicy["type"] }[];
  /** Condition keys the statements asked about that the context did not supply. */
  missingContext: string[];
};

const wildcardCache = new Map<string, RegExp>();

/** IAM's glob: `*` any run of characters, `?` one character; nothing else is special. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? "i" : "s"}:${pattern}`;
  let re = wildcardCache.get(key);
  if (!re) {
    const body = pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
      .join("");
    re = new RegExp(`^${body}$`, ignoreCase ? "si" : "s");
    wildcardCache.set(key, re);
  }
  return re.test(value);
}

function actionMatches(s: Statement, action: string): boolean {
  if (s.NotAction !== undefined)
    return !listOf(s.NotAction).some((p) => wildcardMatch(p, action, true));
  return listOf(s.Action).some((p) => wildcardMatch(p, action, true));
}

function resourceMatches(s: Statement, resource: string): boolean {
  if (s.NotResource !== undefined)
    return !listOf(s.NotResource).some((p) => wildcardMatch(p, resource));
  // Trust policies carry no Resource: the role itself is the resource.
  if (s.Resource === undefined) return true;
  return listOf(s.Resource).some((p) => wildcardMatch(p, resource));
}

function accountOf(arnOrAccount: string): string {
  return /^\d{12}$/.test(arnOrAccount) ? arnOrAccount : (arnOrAccount.split(":")[4] ?? "");
}

function principalMatches(p: Principal | undefined, who: EvalRequest["principal"]): boolean {
  if (p === undefined) return true; // identity policies name no principal
  if (p === "*") return true;
  if (who?.service !== undefined) return listOf(p.Service).includes(who.service);
  const caller = who?.aws;
  if (caller === undefined) return false;
  return listOf(p.AWS).some(
    (entry) =>
      entry === "*" ||
      entry === caller ||
      // "111122223333" or "arn:aws:iam::111122223333:root" names the whole account.
      ((/^\d{12}$/.test(entry) || entry.endsWith(":root")) &&
        accountOf(entry) === accountOf(caller)),
  );
}

type Operator = (want: string, have: string) => boolean;

const OPERATORS: Record<string, { test: Operator; negated: boolean }> = {
  StringEquals: { test: (w, h) => w === h, negated: false },
  StringNotEquals: { test: (w, h) => w === h, negated: true },
  StringEqualsIgnoreCase: { test: (w, h) => w.toLowerCase() === h.toLowerCase(), negated: false },
  StringLike: { test: (w, h) => wildcardMatch(w, h), negated: false },
  StringNotLike: { test: (w, h) => wildcardMatch(w, h), negated: true },
  ArnEquals: { test: (w, h) => w === h, negated: false },
  ArnLike: { test: (w, h) => wildcardMatch(w, h), negated: false },
  ArnNotEquals: { test: (w, h) => w === h, negated: true },
  ArnNotLike: { test: (w, h) => wildcardMatch(w, h), negated: true },
  Bool: { test: (w, h) => w.toLowerCase() === h.toLowerCase(), negated: false },
};

function conditionsHold(s: Statement, req: EvalRequest, missing: Set<string>): boolean {
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    const op = OPERATORS[operator];
    if (!op) return false;
    for (const [key, wanted] of Object.entries(keys)) {
      const have = req.context[key.toLowerCase()];
      if (have === undefined || have.length === 0) {
        missing.add(key);
        return false;
      }
      const any = listOf(wanted).some((w) => have.some((h) => op.test(w, h)));
      if (any === op.negated) return false;
    }
  }
  return true;
}

/**
 * Evaluates `policies` for one request. Explicit Deny wins over Allow; no matching statement
 * is an implicit deny.
 */
export function evaluatePolicies(policies: readonly NamedPolicy[], req: EvalRequest): EvalResult {
  const missing = new Set<string>();
  const allows: EvalResult["matched"] = [];
  const denies: EvalResult["matched"] = [];
  for (const policy of policies) {
    for (const s of policy.document.Statement) {
      if (!actionMatches(s, req.action) || !resourceMatches(s, req.resource)) continue;
      if (policy.type === "resource" && !principalMatches(s.Principal, req.principal)) continue;
      if (!conditionsHold(s, req, missing)) continue;
      (s.Effect === "Deny" ? denies : allows).push({
        policyId: policy.id,
        policyType: policy.type,
      });
    }
  }
  if (denies.length > 0)
    return { decision: "explicitDeny", matched: denies, missingContext: [...missing] };
  if (allows.length > 0) return { decision: "allowed", matched: allows, missingContext: [] };
  return { decision: "implicitDeny", matched: [], missingContext: [...missing] };
}

/** Lower-cases context key names so lookups are case-insensitive, as IAM's are. */
export function contextOf(
  entries: Record<string, string | readonly string[]>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(entries))
    out[key.toLowerCase()] = typeof value === "string" ? [value] : [...value];
  return out;
}

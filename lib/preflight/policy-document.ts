// A small, honest evaluator of IAM policy documents for the few requests a preflight asks about
// (CloudTrail assuming the role; the role reading the bucket). It answers "unknown" rather than
// guess whenever a statement uses something it doesn't model:
// - NotPrincipal, ForAnyValue:/ForAllValues: set operators, and operators other than the String*,
//   Arn*, Bool and Null families (dates, numbers, IP addresses) → unknown;
// - condition keys absent from the request context it is given (it can't know what else CloudTrail
//   sends, e.g. aws:SourceOrgID) → unknown;
// - policy variables (${aws:username}) are compared literally; SCPs, permissions boundaries and
//   session policies are not seen at all.
import type { PolicyDocument, PolicyStatement } from "@/lib/schemas/preflight-facts";

export type Tri = boolean | "unknown";

export interface PolicyRequest {
  /** `{ Service: "cloudtrail.amazonaws.com" }` or `{ AWS: roleArn }`. */
  principal: { Service?: string; AWS?: string };
  action: string;
  resource?: string;
  /** Condition keys the request carries, by lower-case name; a key set to undefined is known absent. */
  context: Record<string, string | undefined>;
}

export interface ConditionMismatch {
  operator: string;
  key: string;
  policyValues: string[];
  actual: string | undefined;
}

export interface PolicyVerdict {
  decision: "allowed" | "implicit-deny" | "explicit-deny" | "unknown";
  /** Conditions that kept an otherwise matching Allow from applying. */
  mismatches: ConditionMismatch[];
  /** Why the answer is "unknown", one phrase each. */
  unknowns: string[];
  /** The Allow statements that apply (for checking which conditions they carry). */
  allowing: PolicyStatement[];
}

function escape(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** IAM wildcard match: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = `^${escape(pattern).replaceAll("*", ".*").replaceAll("?", ".")}$`;
  return new RegExp(source, ignoreCase ? "is" : "s").test(value);
}

/** ArnLike compares the six colon-separated parts one by one, so `*` never spans a colon. */
export function arnLike(pattern: string, value: string): boolean {
  const split = (arn: string) => {
    const parts = arn.split(":");
    return [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const p = split(pattern);
  const v = split(value);
  return p.length === v.length && p.every((part, i) => wildcardMatch(part, v[i] ?? ""));
}

type Matcher = (policyValue: string, actual: string) => boolean;
const MATCHERS: Record<string, { match: Matcher; negated: boolean }> = {
  stringequals: { match: (p, a) => p === a, negated: false },
  stringnotequals: { match: (p, a) => p === a, negated: true },
  stringequalsignorecase: { match: (p, a) => p.toLowerCase() === a.toLowerCase(), negated: false },
  stringnotequalsignorecase: {
    match: (p, a) => p.toLowerCase() === a.toLowerCase(),
    negated: true,
  },
  stringlike: { match: (p, a) => wildcardMatch(p, a), negated: false },
  stringnotlike: { match: (p, a) => wildcardMatch(p, a), negated: true },
  arnequals: { match: (p, a) => p === a, negated: false },
  arnnotequals: { match: (p, a) => p === a, negated: true },
  arnlike: { match: arnLike, negated: false },
  arnnotlike: { match: arnLike, negated: true },
  bool: { match: (p, a) => p.toLowerCase() === a.toLowerCase(), negated: false },
};

function evaluateCondition(
  operator: string,
  key: string,
  values: string[],
  request: PolicyRequest,
  unknowns: string[],
  mismatches: ConditionMismatch[],
): Tri {
  const lowerKey = key.toLowerCase();
  if (operator.includes(":")) {
    unknowns.push(`the set operator ${operator}`);
    return "unknown";
  }
  if (!(lowerKey in request.context)) {
    unknowns.push(`the condition key ${key}, which the request may or may not carry`);
    return "unknown";
  }
  const actual = request.context[lowerKey];
  const op = operator.toLowerCase();
  if (op === "null") {
    const wantsAbsent = values.some((v) => v.toLowerCase() === "true");
    return wantsAbsent === (actual === undefined);
  }
  const ifExists = op.endsWith("ifexists");
  const rule = MATCHERS[ifExists ? op.slice(0, -"ifexists".length) : op];
  if (!rule) {
    unknowns.push(`the condition operator ${operator}`);
    return "unknown";
  }
  if (actual === undefined) return ifExists || rule.negated;
  const hit = values.some((v) => rule.match(v, actual));
  const result = rule.negated ? !hit : hit;
  if (!result) mismatches.push({ operator, key, policyValues: values, actual });
  return result;
}

function and(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes("unknown") ? "unknown" : true;
}

function principalMatches(
  statement: PolicyStatement,
  request: PolicyRequest,
  unknowns: string[],
): Tri {
  if (statement.NotPrincipal) {
    unknowns.push("a NotPrincipal element");
    return "unknown";
  }
  const principal = statement.Principal;
  if (!principal) return true;
  if (principal["*"] || principal.AWS?.includes("*")) return true;
  const { Service, AWS } = request.principal;
  if (Service && principal.Service?.some((s) => s.toLowerCase() === Service.toLowerCase()))
    return true;
  if (!AWS) return false;
  const account = AWS.split(":")[4];
  return (principal.AWS ?? []).some(
    (p) => p === AWS || p === account || p === `arn:${AWS.split(":")[1]}:iam::${account}:root`,
  );
}

function listMatches(
  patterns: string[],
  notPatterns: string[],
  value: string | undefined,
  ignoreCase: boolean,
): boolean {
  if (value === undefined) return true;
  if (patterns.length > 0) return patterns.some((p) => wildcardMatch(p, value, ignoreCase));
  if (notPatterns.length > 0) return !notPatterns.some((p) => wildcardMatch(p, value, ignoreCase));
  return true;
}

/** Whether one statement applies to the request: principal, action, resource and conditions. */
export function statementApplies(
  statement: PolicyStatement,
  request: PolicyRequest,
  unknowns: string[],
  mismatches: ConditionMismatch[],
): Tri {
  const principal = principalMatches(statement, request, unknowns);
  if (principal === false) return false;
  if (!listMatches(statement.Action, statement.NotAction, request.action, true)) return false;
  if (!listMatches(statement.Resource, statement.NotResource, request.resource, false))
    return false;
  const conditions = Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) =>
      evaluateCondition(operator, key, values, request, unknowns, mismatches),
    ),
  );
  return and([principal, ...conditions]);
}

/** Explicit Deny wins, then any Allow; anything this evaluator can't model makes it "unknown". */
export function evaluatePolicy(document: PolicyDocument, request: PolicyRequest): PolicyVerdict {
  const unknowns: string[] = [];
  const mismatches: ConditionMismatch[] = [];
  // Only an Allow's unmet conditions explain a refusal; a Deny's are just "didn't deny".
  const results = document.Statement.map((statement) => ({
    statement,
    applies: statementApplies(
      statement,
      request,
      unknowns,
      statement.Effect === "Allow" ? mismatches : [],
    ),
  }));
  const denies = results.filter((r) => r.statement.Effect === "Deny");
  const allows = results.filter((r) => r.statement.Effect === "Allow");
  const allowing = allows.filter((r) => r.applies === true).map((r) => r.statement);
  const verdict = (decision: PolicyVerdict["decision"]): PolicyVerdict => ({
    decision,
    mismatches,
    unknowns: [...new Set(unknowns)],
    allowing,
  });
  if (denies.some((r) => r.applies === true)) return verdict("explicit-deny");
  if (denies.some((r) => r.applies === "unknown")) return verdict("unknown");
  if (allowing.length > 0) return verdict("allowed");
  if (allows.some((r) => r.applies === "unknown")) return verdict("unknown");
  return verdict("implicit-deny");
}

/** Whether a statement has a condition on `key` (any operator). */
export function hasConditionKey(statement: PolicyStatement, key: string): boolean {
  return Object.values(statement.Condition ?? {}).some((keys) =>
    Object.keys(keys).some((k) => k.toLowerCase() === key.toLowerCase()),
  );
}

// IAM policy documents as the local world stores them (roles' trust and permission policies,
// bucket policies). Only the grammar the evaluator understands is typed here.

export type StringOrList = string | string[];

export type Principal = "*" | { AWS?: StringOrList; Service?: StringOrList };

export type Statement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Principal;
  Action?: StringOrList;
  NotAction?: StringOrList;
  Resource?: StringOrList;
  NotResource?: StringOrList;
  /** Operator → context key → value(s), e.g. `{ StringEquals: { "aws:SourceAccount": "1111…" } }`. */
  Condition?: Record<string, Record<string, StringOrList>>;
};

export type PolicyDocument = { Version: "2012-10-17"; Statement: Statement[] };

/** A named policy: an inline role policy, a trust policy or a resource (bucket) policy. */
export type NamedPolicy = { id: string; type: "role" | "resource"; document: PolicyDocument };

/** Turns `"a"` or `["a","b"]` into a list. */
export function listOf(value: StringOrList | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// Server-side allow-lists for what an import may use: which S3 access roles CloudTrail is handed and which
// buckets it reads. Pure and client-safe: lib/env.ts validates the lists at start-up, lib/cloudtrail enforces
// them before StartImport, and the wizard offers them as the choices.

/** What a list constrains; each kind has its own alphabet, so a pattern can't smuggle another shape in. */
export type AllowListKind = "role" | "bucket";

// IAM role names and paths: [\w+=,.@-] and "/"; bucket names: lower-case letters, digits, "." and "-".
const ROLE_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/[\w+=,.@/*-]{1,512}$/;
const BUCKET_PATTERN = /^[a-z0-9.*-]{1,63}$/;
const ROLE_WILDCARD = "[\\w+=,.@/-]*";
const BUCKET_WILDCARD = "[a-z0-9.-]*";

/**
 * Why `pattern` is not acceptable in a `kind` list, or `null` when it is. `*` matches any run of characters
 * allowed at its place. A role pattern must name the partition and the 12-digit account literally (no
 * wildcard before `:role/`), and a bucket pattern needs at least three literal characters, so no entry
 * can mean "anything".
 */
export function allowPatternProblem(kind: AllowListKind, pattern: string): string | null {
  if (kind === "role") {
    if (!ROLE_PATTERN.test(pattern))
      return `"${pattern}" is not a role ARN or pattern such as arn:aws:iam::111122223333:role/CloudTrailLakeImport* (the account must be written out)`;
    if (pattern.split(":role/")[1]?.replace(/\*/g, "") === "")
      return `"${pattern}" allows every role in the account; name the roles (a prefix and * is fine)`;
    return null;
  }
  if (!BUCKET_PATTERN.test(pattern))
    return `"${pattern}" is not a bucket name or pattern such as trail-logs-* (lower-case letters, digits, ".", "-", "*")`;
  if (pattern.replace(/\*/g, "").length < 3)
    return `"${pattern}" is too broad; write at least three characters of the bucket name`;
  return null;
}

function toRegExp(kind: AllowListKind, pattern: string): RegExp {
  const wildcard = kind === "role" ? ROLE_WILDCARD : BUCKET_WILDCARD;
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join(wildcard);
  return new RegExp(`^${body}$`);
}

/**
 * True when `value` matches one of `patterns`. An empty list means "no list": everything passes, and the
 * caller's other checks (eligible store, role in the store's account) still apply.
 */
export function isAllowed(
  kind: AllowListKind,
  value: string,
  patterns: readonly string[],
): boolean {
  if (patterns.length === 0) return true;
  return patterns.some(
    (pattern) => allowPatternProblem(kind, pattern) === null && toRegExp(kind, pattern).test(value),
  );
}

/** The bucket of `s3://bucket[/prefix]`, or `null` when the URI has another shape. */
export function bucketOfS3Uri(uri: string): string | null {
  const match = /^s3:\/\/([^/]+)(\/|$)/.exec(uri);
  return match?.[1] ?? null;
}

/** Partition and account of an IAM role ARN, or `null` when it isn't one. */
export function roleArnParts(arn: string): { partition: string; accountId: string } | null {
  const match = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/./.exec(arn);
  return match?.[1] && match[2] ? { partition: match[1], accountId: match[2] } : null;
}

/** The patterns of a list that name one exact value (no `*`), which the wizard can offer as choices. */
export function exactValues(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => !pattern.includes("*"));
}

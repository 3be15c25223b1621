// AssumeRole: validates like STS, then issues temporary credentials the Lake remembers (they are
// persisted with the state), so later CloudTrail calls signed with them resolve to
// arn:aws:sts::<acct>:assumed-role/<role>/<session> with the SourceIdentity set here.
import {
  stableId,
  newSecretAccessKey,
  newSessionToken,
  newTemporaryAccessKeyId,
} from "../identity/ids.ts";
import type { Caller } from "../identity/callers.ts";
import { DEMO_ACCOUNT_ID } from "../seed/constants.ts";
import type { StsSession } from "../state/types.ts";
import { StsError } from "./sts-xml.ts";

const STS_CHARSET = /^[\w+=,.@-]*$/;
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const CHAINED_MAX_SECONDS = 3_600;

function violation(value: string, member: string, rule: string): string {
  return `Value '${value}' at '${member}' failed to satisfy constraint: Member must ${rule}`;
}

function checkName(
  errors: string[],
  value: string | null,
  member: string,
  required: boolean,
): void {
  if (value === null) {
    if (required)
      errors.push(
        `Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    return;
  }
  if (value.length < 2)
    errors.push(violation(value, member, "have length greater than or equal to 2"));
  if (value.length > 64)
    errors.push(violation(value, member, "have length less than or equal to 64"));
  if (!STS_CHARSET.test(value))
    errors.push(violation(value, member, "satisfy regular expression pattern: [\\w+=,.@-]*"));
}

function validationError(errors: string[]): StsError {
  const head =
    errors.length === 1
      ? "1 validation error detected"
      : `${errors.length} validation errors detected`;
  return new StsError("ValidationError", `${head}: ${errors.join("; ")}`);
}

function readTags(params: URLSearchParams, errors: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 1; params.has(`Tags.member.${i}.Key`); i += 1) {
    const key = params.get(`Tags.member.${i}.Key`) ?? "";
    const value = params.get(`Tags.member.${i}.Value`) ?? "";
    if (key.length < 1 || key.length > 128)
      errors.push(violation(key, `tags.${i}.member.key`, "have length between 1 and 128"));
    if (value.length > 256)
      errors.push(
        violation(value, `tags.${i}.member.value`, "have length less than or equal to 256"),
      );
    tags[key] = value;
  }
  if (Object.keys(tags).length > 50)
    errors.push(
      "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  return tags;
}

/** Validates an AssumeRole request and creates the session (the caller stores it). */
export function assumeRole(params: URLSearchParams, caller: Caller, now: number): StsSession {
  const errors: string[] = [];
  const roleArn = params.get("RoleArn");
  const sessionName = params.get("RoleSessionName");
  const sourceIdentity = params.get("SourceIdentity") ?? caller.session?.sourceIdentity ?? null;
  const durationText = params.get("DurationSeconds");
  const duration = durationText === null ? CHAINED_MAX_SECONDS : Number(durationText);
  if (roleArn === null)
    errors.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  else if (roleArn.length < 20)
    errors.push(violation(roleArn, "roleArn", "have length greater than or equal to 20"));
  checkName(errors, sessionName, "roleSessionName", true);
  checkName(errors, params.get("SourceIdentity"), "sourceIdentity", false);
  if (!Number.isInteger(duration) || duration < 900) {
    errors.push(
      violation(String(durationText), "durationSeconds", "have value greater than or equal to 900"),
    );
  } else if (duration > 43_200) {
    errors.push(
      violation(String(durationText), "durationSeconds", "have value less than or equal to 43200"),
    );
  }
  const tags = readTags(params, errors);
  if (errors.length > 0) throw validationError(errors);
  if (sourceIdentity !== null && sourceIdentity.toLowerCase().startsWith("aws:")) {
    throw new StsError(
      "ValidationError",
      "SourceIdentity cannot begin with the reserved prefix 'aws:'.",
    );
  }
  if (
    caller.session?.sourceIdentity !== undefined &&
    sourceIdentity !== caller.session.sourceIdentity
  ) {
    throw new StsError(
      "AccessDenied",
      "SourceIdentity cannot be changed once it is set in a role session chain.",
      403,
    );
  }
  const match = ROLE_ARN_RE.exec(roleArn ?? "");
  if (!match) throw new StsError("ValidationError", `${roleArn ?? ""} is not a valid role ARN.`);
  if (match[1] !== DEMO_ACCOUNT_ID) {
    throw new StsError(
      "AccessDenied",
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn ?? ""}`,
      403,
    );
  }
  if (caller.session && duration > CHAINED_MAX_SECONDS) {
    throw new StsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  }
  const arn = roleArn ?? "";
  return {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    issuedMs: now,
    expiresMs: now + duration * 1000,
    accountId: DEMO_ACCOUNT_ID,
    roleArn: arn,
    roleName: match[3] ?? "",
    roleId: stableId("AROA", arn),
    sessionName: sessionName ?? "",
    ...(sourceIdentity === null ? {} : { sourceIdentity }),
    tags,
    issuerArn: caller.arn,
  };
}

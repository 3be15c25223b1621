// Who is calling: static access keys are IAM users of the demo account; ASIA keys must be
// sessions this Lake's STS issued (unknown → invalid token, past expiry → expired token).
import { DEMO_ACCOUNT_ID, FALLBACK_USER, STATIC_USERS } from "../seed/constants.ts";
import type { LakeState } from "../state/lake-state.ts";
import type { StsSession } from "../state/types.ts";
import { stableId } from "./ids.ts";

export type Caller = {
  accessKeyId: string;
  accountId: string;
  /** `arn:aws:iam::…:user/x` or `arn:aws:sts::…:assumed-role/role/session`. */
  arn: string;
  /** GetCallerIdentity's UserId: `AIDA…` or `AROA…:session`. */
  userId: string;
  /** LookupEvents' Username: the IAM user name or the role session name. */
  username: string;
  session?: StsSession;
};

export type CallerResult =
  { ok: true; caller: Caller } | { ok: false; reason: "invalid" | "expired" };

function userCaller(accessKeyId: string, userName: string): Caller {
  const arn = `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${userName}`;
  return {
    accessKeyId,
    accountId: DEMO_ACCOUNT_ID,
    arn,
    userId: stableId("AIDA", arn),
    username: userName,
  };
}

/** The caller behind an STS session. */
export function sessionCaller(session: StsSession): Caller {
  return {
    accessKeyId: session.accessKeyId,
    accountId: session.accountId,
    arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
    userId: `${session.roleId}:${session.sessionName}`,
    username: session.sessionName,
    session,
  };
}

/**
 * Resolves an access key (and the request's X-Amz-Security-Token, if any) to a caller.
 * Temporary keys (`ASIA…`) must match an issued, unexpired session and its token.
 */
export function resolveCaller(
  state: LakeState,
  accessKeyId: string,
  sessionToken: string | undefined,
  now: number,
): CallerResult {
  if (accessKeyId.startsWith("ASIA")) {
    const session = state.getSession(accessKeyId);
    if (!session || session.sessionToken !== sessionToken) return { ok: false, reason: "invalid" };
    if (session.expiresMs <= now) return { ok: false, reason: "expired" };
    return { ok: true, caller: sessionCaller(session) };
  }
  return { ok: true, caller: userCaller(accessKeyId, STATIC_USERS[accessKeyId] ?? FALLBACK_USER) };
}

/** The `userIdentity` block of a CloudTrail event record for this caller. */
export function userIdentityOf(caller: Caller): Record<string, unknown> {
  const { session } = caller;
  if (!session) {
    return {
      type: "IAMUser",
      principalId: caller.userId,
      arn: caller.arn,
      accountId: caller.accountId,
      accessKeyId: caller.accessKeyId,
      userName: caller.username,
    };
  }
  return {
    type: "AssumedRole",
    principalId: caller.userId,
    arn: caller.arn,
    accountId: caller.accountId,
    accessKeyId: caller.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: session.roleId,
        arn: session.roleArn,
        accountId: session.accountId,
        userName: session.roleName,
      },
      attributes: {
        creationDate: new Date(session.issuedMs).toISOString(),
        mfaAuthenticated: "false",
      },
      ...(session.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }),
    },
  };
}

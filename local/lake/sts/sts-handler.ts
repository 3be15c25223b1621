// The local STS (same port as CloudTrail; told apart by the SigV4 scope's service "sts" or a
// form-encoded Action): AssumeRole and GetCallerIdentity.
import type { ServerResponse } from "node:http";
import { resolveCaller, sessionCaller, type Caller } from "../identity/callers.ts";
import type { SigV4Scope } from "../protocol/sigv4.ts";
import type { LakeState } from "../state/lake-state.ts";
import { assumeRole } from "./assume-role.ts";
import { StsError, el, sendStsError, sendStsResult } from "./sts-xml.ts";

export type StsOutcome = {
  action: string;
  caller: Caller | null;
  status: number;
  error: string | null;
};

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function authenticate(
  state: LakeState,
  scope: SigV4Scope | null,
  token: string | undefined,
  now: number,
): Caller {
  if (!scope)
    throw new StsError(
      "MissingAuthenticationToken",
      "Request is missing Authentication Token",
      403,
    );
  const result = resolveCaller(state, scope.accessKeyId, token, now);
  if (result.ok) return result.caller;
  if (result.reason === "expired")
    throw new StsError("ExpiredToken", "The security token included in the request is expired");
  throw new StsError(
    "InvalidClientTokenId",
    "The security token included in the request is invalid.",
    403,
  );
}

function run(
  action: string,
  params: URLSearchParams,
  caller: Caller,
  state: LakeState,
  now: number,
): string {
  if (action === "GetCallerIdentity") {
    return el("Arn", caller.arn) + el("UserId", caller.userId) + el("Account", caller.accountId);
  }
  if (action === "AssumeRole") {
    const session = assumeRole(params, caller, now);
    state.addSession(session);
    const assumed = sessionCaller(session);
    const credentials =
      el("AccessKeyId", session.accessKeyId) +
      el("SecretAccessKey", session.secretAccessKey) +
      el("SessionToken", session.sessionToken) +
      el("Expiration", iso(session.expiresMs));
    return (
      el("SourceIdentity", session.sourceIdentity) +
      `<AssumedRoleUser>${el("AssumedRoleId", assumed.userId)}${el("Arn", assumed.arn)}</AssumedRoleUser>` +
      `<Credentials>${credentials}</Credentials>` +
      (Object.keys(session.tags).length > 0 ? el("PackedPolicySize", 6) : "")
    );
  }
  throw new StsError("InvalidAction", `Could not find operation ${action} for version 2011-06-15`);
}

/** Serves one STS request whose form body is `body`; returns what the call log needs. */
export function handleSts(
  res: ServerResponse,
  body: Buffer,
  scope: SigV4Scope | null,
  sessionToken: string | undefined,
  state: LakeState,
  requestId: string,
): StsOutcome {
  const params = new URLSearchParams(body.toString("utf8"));
  const action = params.get("Action") ?? "(none)";
  let caller: Caller | null = null;
  try {
    const now = Date.now();
    caller = authenticate(state, scope, sessionToken, now);
    sendStsResult(res, action, run(action, params, caller, state, now), requestId);
    return { action, caller, status: 200, error: null };
  } catch (error) {
    const stsError =
      error instanceof StsError
        ? error
        : new StsError(
            "InternalFailure",
            "The request processing has failed because of an unknown error.",
            500,
            "Receiver",
          );
    if (!(error instanceof StsError)) console.error("[lake] sts internal error:", error);
    sendStsError(res, stsError, requestId);
    return { action, caller, status: stsError.status, error: stsError.code };
  }
}

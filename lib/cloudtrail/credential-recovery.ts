import "server-only";
import type { AwsCredentialIdentity, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { serverEnv } from "@/lib/env";
import { processWide } from "./cache";
import {
  type CredentialProvider,
  credentialsFor,
  forgetCredentials,
  identityKey,
} from "./credentials";
import { CloudTrailAppError, describeErrorForLog } from "./errors";
import type { Caller } from "./types";

// Cached credentials can die before their expiry: an administrator revokes the role's sessions,
// a key is rotated, or a test world is reset. AWS then refuses every call signed with them until
// the cache would have renewed them (up to ten minutes). So a refusal drops the refused identity's
// cached credentials and the call is sent once more with fresh ones; only a second refusal
// reaches the person, naming which identity AWS refused.

/** Error names with which AWS refuses the credentials themselves (not a missing permission). */
const REJECTIONS: ReadonlySet<string> = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
]);

/** Thrown by a client's credentials when fetching them failed: the base identity's side. */
export class BaseCredentialsError extends Error {
  constructor(cause: unknown) {
    super("Fetching AWS credentials for the call failed", { cause });
    this.name = "BaseCredentialsError";
  }
}

function nameOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { name?: unknown }).name : null;
}

export type RefusedIdentity = "session" | "base";

/**
 * Which identity AWS refused, if `error` is a credential refusal: the base identity when it came
 * from fetching credentials (STS refused the AssumeRole caller) or when every call runs as the
 * app; the person's session when CloudTrail refused a per-user session. `null` otherwise.
 */
export function refusedIdentity(error: unknown, perUser: boolean): RefusedIdentity | null {
  if (error instanceof BaseCredentialsError)
    return REJECTIONS.has(String(nameOf(error.cause))) ? "base" : null;
  if (!REJECTIONS.has(String(nameOf(error)))) return null;
  return perUser ? "session" : "base";
}

const isPerUser = () => {
  const env = serverEnv();
  return env.AWS_IDENTITY_MODE === "per-user" && Boolean(env.AWS_PER_USER_ROLE_ARN);
};

/**
 * A client's credentials: always the identity's current provider (so one that was forgotten is
 * replaced on the next call), with fetch failures marked as the base identity's. `undefined`
 * leaves the SDK's default chain in place (app mode without Vercel).
 */
export function recoverableCredentials(caller: Caller): CredentialProvider | undefined {
  if (!credentialsFor(caller)) return undefined;
  return async (properties) => {
    const provider = credentialsFor(caller);
    if (!provider) throw new BaseCredentialsError(new Error("No credentials provider"));
    try {
      return await provider(properties);
    } catch (error) {
      throw new BaseCredentialsError(error);
    }
  };
}

/** While AWS keeps refusing, an identity is renewed at most this often (each costs an STS call). */
export const RENEW_FLOOR_MS = 10_000;

const renewedAt = processWide("credential-renewals", () => new Map<string, number>());
const reported = processWide("credential-refusals-reported", () => new Set<string>());

const renewalKey = (caller: Caller, refused: RefusedIdentity) =>
  refused === "base" ? "base" : identityKey(caller);

/**
 * Forgets the refused identity's credentials unless they were renewed since this call started,
 * or (a session) the call was signed with ones already replaced: ten calls refused at once, or a
 * second Region's client still holding the old session, cost one new session, not ten.
 */
export function renewOnce(
  caller: Caller,
  refused: RefusedIdentity,
  startedAt: number,
  usedKeyId: string | undefined,
  now: () => number = Date.now,
): boolean {
  const key = renewalKey(caller, refused);
  const last = renewedAt.get(key) ?? -Infinity;
  if (last >= startedAt || now() - last < RENEW_FLOOR_MS) return false;
  if (!forgetCredentials(caller, refused, usedKeyId)) return false;
  renewedAt.set(key, now());
  return true;
}

/** Logs a refusal that survived fresh credentials, once until that identity works again. */
function reportRefusal(caller: Caller, refused: RefusedIdentity, error: unknown): void {
  const key = renewalKey(caller, refused);
  if (reported.has(key)) return;
  reported.add(key);
  console.error(
    JSON.stringify({
      level: "error",
      event: "aws-identity-refused",
      identity: refused === "base" ? "app base identity" : "per-user session",
      ...(refused === "session" ? { user: caller.email } : {}),
      detail: describeErrorForLog(error instanceof BaseCredentialsError ? error.cause : error),
    }),
  );
}

function accepted(caller: Caller): void {
  if (reported.size === 0) return;
  reported.delete("base");
  reported.delete(identityKey(caller));
}

const REFUSED_CODE = { session: "UserSessionRefused", base: "BaseIdentityRefused" } as const;

/** Any SDK v3 client: CloudTrail, and the preflight's S3, IAM, Organizations and STS. */
export interface RecoverableClient<Input extends object, Output extends MetadataBearer> {
  middlewareStack: MiddlewareStack<Input, Output>;
  config: {
    credentials: (options?: { forceRefresh?: boolean }) => Promise<AwsCredentialIdentity>;
  };
}

/** Makes `client` recover from a credential refusal by renewing them and sending the call once more. */
export function installCredentialRecovery<Input extends object, Output extends MetadataBearer>(
  client: RecoverableClient<Input, Output>,
  caller: Caller,
  now: () => number = Date.now,
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const startedAt = now();
      const perUser = isPerUser();
      try {
        const output = await next(args);
        accepted(caller);
        return output;
      } catch (error) {
        const refused = refusedIdentity(error, perUser);
        if (!refused) throw error;
        const used = await client.config.credentials().then(
          (credentials) => credentials.accessKeyId,
          () => undefined,
        );
        if (renewOnce(caller, refused, startedAt, used, now)) {
          console.warn(
            JSON.stringify({
              level: "warn",
              event: "aws-credentials-renewed",
              identity: refused === "base" ? "app base identity" : "per-user session",
              ...(refused === "session" ? { user: caller.email } : {}),
              reason: String(nameOf(error instanceof BaseCredentialsError ? error.cause : error)),
            }),
          );
        }
        try {
          // The client keeps its own copy of the credentials; make it fetch them again.
          await client.config.credentials({ forceRefresh: true });
          const output = await next(args);
          accepted(caller);
          return output;
        } catch (second) {
          const again = refusedIdentity(second, perUser);
          if (!again) throw second;
          reportRefusal(caller, again, second);
          throw new CloudTrailAppError(REFUSED_CODE[again], "AWS refused fresh credentials", {
            cause: second,
          });
        }
      }
    },
    { step: "initialize", name: "credentialRecovery" },
  );
}

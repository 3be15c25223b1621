import "server-only";
import { createHash } from "node:crypto";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { awsCredentialsProvider } from "@vercel/oidc-aws-credentials-provider";
import { serverEnv } from "@/lib/env";
import { createLruCache, processWide } from "./cache";
import { AWS_HTTP_OPTIONS } from "./http-options";
import type { Caller } from "./types";

export type CredentialProvider = ReturnType<typeof fromTemporaryCredentials>;
type Credentials = Awaited<ReturnType<CredentialProvider>>;
/**
 * A shared provider that can be told to drop what it holds because AWS refused it: `forget(keyId)`
 * drops the credentials only if they are still the ones with that access key id (another call may
 * have replaced them already), and says whether it dropped anything.
 */
export type MemoizedProvider = CredentialProvider & { forget(accessKeyId?: string): boolean };

const STS_PLAIN = /^[\w+.@-]{2,64}$/;
const HASH_CHARS = 20;

/**
 * A RoleSessionName / SourceIdentity for `value` (STS allows `[\w+=,.@-]`, 2–64 characters) that two
 * different people can never share, because CloudTrail records it as who acted. Values already in the
 * alphabet (without `=` and `,`) and short enough are kept as they are; anything else becomes a readable
 * prefix, `=`, and 80 bits of its SHA-256. Kept values never contain `=`, so the two forms cannot meet.
 */
export function toStsName(value: string, fallback = "trail-imports-user"): string {
  if (value === "") return fallback;
  if (STS_PLAIN.test(value)) return value;
  const hash = createHash("sha256").update(value, "utf8").digest("hex").slice(0, HASH_CHARS);
  const prefix = value.replace(/[^\w+.@-]/g, "-").slice(0, 64 - HASH_CHARS - 1);
  return `${prefix}=${hash}`;
}

/** Session tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters. */
export function toTagValue(value: string): string {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "-").slice(0, 256);
}

/**
 * The role a person's calls run as in per-user mode: AWS_PER_USER_ROLE_ARN for operators, and for everyone
 * else AWS_PER_USER_VIEWER_ROLE_ARN when it is set, so IAM (not only the app) keeps viewers read-only.
 */
export function perUserRoleArn(caller: Caller): string | undefined {
  const env = serverEnv();
  const operator = caller.roles?.includes("operator") ?? false;
  return operator
    ? env.AWS_PER_USER_ROLE_ARN
    : (env.AWS_PER_USER_VIEWER_ROLE_ARN ?? env.AWS_PER_USER_ROLE_ARN);
}

/** The identity a caller's AWS calls run as: one shared "app" identity, or one per person and role. */
export function identityKey(caller: Caller): string {
  return serverEnv().AWS_IDENTITY_MODE === "per-user"
    ? `user:${caller.id}:${caller.email}:${perUserRoleArn(caller) ?? ""}`
    : "app";
}

/** Refresh this long before the session expires, so a request never signs with a dying key. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Shares one set of temporary credentials between every client of a person (one client per
 * Region), refreshing shortly before expiry. Concurrent first calls share one AssumeRole.
 * The SDK memoises per client only, so without this each Region would assume the role again.
 */
export function memoizeCredentials(
  provider: CredentialProvider,
  now: () => number = Date.now,
): MemoizedProvider {
  let current: Credentials | undefined;
  let inflight: Promise<Credentials> | undefined;
  const fresh = (credentials: Credentials) =>
    !credentials.expiration || credentials.expiration.getTime() - REFRESH_MARGIN_MS > now();
  const memoized: CredentialProvider = (properties) => {
    if (current && fresh(current)) return Promise.resolve(current);
    if (!inflight) {
      const pending = provider(properties).then((credentials) => {
        if (inflight === pending) current = credentials;
        return credentials;
      });
      const clear = () => {
        if (inflight === pending) inflight = undefined;
      };
      pending.then(clear, clear);
      inflight = pending;
    }
    return inflight;
  };
  return Object.assign(memoized, {
    forget(accessKeyId?: string) {
      if (accessKeyId !== undefined && current?.accessKeyId !== accessKeyId) return false;
      current = undefined;
      inflight = undefined;
      return true;
    },
  });
}

const SESSION_SECONDS = 900;

// Kept longer than a session on purpose: the memoised provider renews its own credentials, so
// a person coming back within the hour reuses the provider (and its STS client).
const providers = processWide("credential-providers", () =>
  createLruCache<MemoizedProvider>({ maxEntries: 1000, ttlMs: 60 * 60 * 1000 }),
);

/**
 * The app's own (base) identity. On Vercel with VERCEL_AWS_ROLE_ARN set: the deployment's OIDC token
 * exchanged for that role (no stored keys). Elsewhere `undefined`, i.e. the SDK's default chain
 * (container task role, EKS Pod Identity, IRSA, environment).
 */
function baseCredentials(): MemoizedProvider | undefined {
  const roleArn = serverEnv().VERCEL_AWS_ROLE_ARN;
  if (!roleArn) return undefined;
  return processWide("vercel-base-credentials", () =>
    memoizeCredentials(awsCredentialsProvider({ roleArn })),
  );
}

function assumeRoleFor(caller: Caller, roleArn: string): CredentialProvider {
  const env = serverEnv();
  const tags = [{ Key: "app-user", Value: toTagValue(caller.email) }];
  if (caller.roles && caller.roles.length > 0)
    tags.push({ Key: "app-role", Value: toTagValue(caller.roles.join(" ")) });
  return fromTemporaryCredentials({
    // Per-user sessions are assumed by the base identity; on Vercel that is role chaining (1 h cap).
    masterCredentials: baseCredentials(),
    params: {
      RoleArn: roleArn,
      RoleSessionName: toStsName(caller.email),
      SourceIdentity: toStsName(caller.email),
      DurationSeconds: SESSION_SECONDS,
      Tags: tags,
    },
    clientConfig: {
      region: env.AWS_REGION,
      requestHandler: AWS_HTTP_OPTIONS,
      ...(env.STS_ENDPOINT ? { endpoint: env.STS_ENDPOINT } : {}),
    },
  });
}

/**
 * Credentials for a caller's CloudTrail clients. App mode: the base identity (`undefined` = the
 * SDK's default chain). Per-user mode: AssumeRole into perUserRoleArn(caller) as this person, with
 * their email as RoleSessionName and SourceIdentity so CloudTrail records who acted.
 */
export function credentialsFor(caller: Caller): CredentialProvider | undefined {
  const env = serverEnv();
  const roleArn = perUserRoleArn(caller);
  if (env.AWS_IDENTITY_MODE !== "per-user" || !roleArn) return baseCredentials();
  const key = identityKey(caller);
  let provider = providers.get(key);
  if (!provider) {
    provider = memoizeCredentials(assumeRoleFor(caller, roleArn));
    providers.set(key, provider);
  }
  return provider;
}

/**
 * Drops what is cached for an identity AWS refused, so the next call fetches anew. A refused
 * session (`usedKeyId`, per-user mode): the person's STS session, if it is still that one. A
 * refused base identity: the base credentials shared by everyone, and every STS client built on
 * them. Returns whether anything was dropped.
 */
export function forgetCredentials(
  caller: Caller,
  refused: "session" | "base",
  usedKeyId?: string,
): boolean {
  const key = identityKey(caller);
  if (refused === "session") return providers.get(key)?.forget(usedKeyId) ?? false;
  providers.deleteWhere(() => true);
  baseCredentials()?.forget();
  return true;
}

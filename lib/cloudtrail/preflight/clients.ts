import "server-only";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { serverEnv } from "@/lib/env";
import { createLruCache, processWide } from "../cache";
import { installCredentialRecovery, recoverableCredentials } from "../credential-recovery";
import { identityKey } from "../credentials";
import { AWS_HTTP_OPTIONS } from "../http-options";
import type { Caller } from "../types";

// The preflight's S3, IAM, Organizations and STS clients, built like the CloudTrail ones
// (client.ts): the caller's identity (the person's role in per-user mode), the same timeouts and
// adaptive retries, one retry with fresh credentials, and the local world's endpoint when set.
// Cached per identity (and Region for S3) for the same reason: retry state lives in the client.

type PreflightClient = S3Client | IAMClient | OrganizationsClient | STSClient;

const clients = processWide("preflight-clients", () =>
  createLruCache<PreflightClient>({ maxEntries: 500, ttlMs: 10 * 60 * 1000 }),
);

function common(caller: Caller, region: string, endpoint: string | undefined) {
  return {
    region,
    retryMode: "adaptive",
    credentials: recoverableCredentials(caller),
    requestHandler: AWS_HTTP_OPTIONS,
    ...(endpoint ? { endpoint } : {}),
  } as const;
}

function cached<C extends PreflightClient>(
  key: string,
  is: (client: PreflightClient) => client is C,
  make: () => C,
): C {
  const hit = clients.get(key);
  if (hit && is(hit)) return hit;
  const client = make();
  clients.set(key, client);
  return client;
}

/**
 * S3 in `region` (the bucket's). Path-style addressing with an endpoint override (the local world
 * has no bucket subdomains), and redirects followed, so a bucket in another Region still answers.
 */
export function s3For(caller: Caller, region: string): S3Client {
  return cached(
    `s3|${identityKey(caller)}|${region}`,
    (c): c is S3Client => c instanceof S3Client,
    () => {
      const endpoint = serverEnv().S3_ENDPOINT;
      const client = new S3Client({
        ...common(caller, region, endpoint),
        forcePathStyle: Boolean(endpoint),
        followRegionRedirects: true,
      });
      installCredentialRecovery(client, caller);
      return client;
    },
  );
}

/** IAM is global; its calls are signed for the app's default Region. */
export function iamFor(caller: Caller): IAMClient {
  return cached(
    `iam|${identityKey(caller)}`,
    (c): c is IAMClient => c instanceof IAMClient,
    () => {
      const env = serverEnv();
      const client = new IAMClient(common(caller, env.AWS_REGION, env.IAM_ENDPOINT));
      installCredentialRecovery(client, caller);
      return client;
    },
  );
}

export function organizationsFor(caller: Caller): OrganizationsClient {
  return cached(
    `organizations|${identityKey(caller)}`,
    (c): c is OrganizationsClient => c instanceof OrganizationsClient,
    () => {
      const env = serverEnv();
      const client = new OrganizationsClient(
        common(caller, env.AWS_REGION, env.ORGANIZATIONS_ENDPOINT),
      );
      installCredentialRecovery(client, caller);
      return client;
    },
  );
}

/** STS as the caller's identity, for GetCallerIdentity (which account the app runs as). */
export function stsFor(caller: Caller): STSClient {
  return cached(
    `sts|${identityKey(caller)}`,
    (c): c is STSClient => c instanceof STSClient,
    () => {
      const env = serverEnv();
      const client = new STSClient(common(caller, env.AWS_REGION, env.STS_ENDPOINT));
      installCredentialRecovery(client, caller);
      return client;
    },
  );
}

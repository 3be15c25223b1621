import "server-only";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { serverEnv } from "@/lib/env";
import { createLruCache, processWide } from "./cache";
import { installCredentialRecovery, recoverableCredentials } from "./credential-recovery";
import { identityKey } from "./credentials";
import { assertConfiguredRegion } from "./regions";
import type { Caller } from "./types";

// One client per (identity, Region). Reusing clients keeps the adaptive retry mode's rate
// limiter state, which lives inside each client's retry strategy, so a client per request would
// share no rate state. The TTL stays below the 15-minute
// session length so a client never outlives the configuration it was built with by much.
const clients = processWide("cloudtrail-clients", () =>
  createLruCache<CloudTrailClient>({ maxEntries: 500, ttlMs: 10 * 60 * 1000 }),
);

/**
 * The CloudTrail client for `caller` in `region`: adaptive retries, the endpoint override when
 * CLOUDTRAIL_ENDPOINT is set, per-user credentials in per-user mode, and one retry with fresh
 * credentials when AWS refuses the cached ones (credential-recovery.ts).
 * Throws RegionNotConfiguredError when `region` is not in CLOUDTRAIL_REGIONS.
 */
export function cloudTrailFor(caller: Caller, region: string): CloudTrailClient {
  assertConfiguredRegion(region);
  const key = `${identityKey(caller)}|${region}`;
  const cached = clients.get(key);
  if (cached) return cached;
  const env = serverEnv();
  const client = new CloudTrailClient({
    region,
    retryMode: "adaptive",
    credentials: recoverableCredentials(caller),
    ...(env.CLOUDTRAIL_ENDPOINT ? { endpoint: env.CLOUDTRAIL_ENDPOINT } : {}),
  });
  installCredentialRecovery(client, caller);
  clients.set(key, client);
  return client;
}

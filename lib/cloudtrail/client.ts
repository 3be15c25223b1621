import "server-only";
import {
  CloudTrailClient,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from "@aws-sdk/client-cloudtrail";
import type { FinalizeRequestMiddleware } from "@smithy/types";
import { serverEnv } from "@/lib/env";
import { createLruCache, processWide } from "./cache";
import { installCredentialRecovery, recoverableCredentials } from "./credential-recovery";
import { identityKey } from "./credentials";
import { AWS_HTTP_OPTIONS } from "./http-options";
import { acquireLookupSlot } from "./lookup-budget";
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
 * The CloudTrail client for `caller` in `region`: adaptive retries, connection and request timeouts,
 * the process-wide LookupEvents budget, the endpoint override when CLOUDTRAIL_ENDPOINT is set,
 * per-user credentials in per-user mode, and one retry with fresh credentials when AWS refuses the
 * cached ones (credential-recovery.ts).
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
    requestHandler: AWS_HTTP_OPTIONS,
    ...(env.CLOUDTRAIL_ENDPOINT ? { endpoint: env.CLOUDTRAIL_ENDPOINT } : {}),
  });
  // After the retry middleware, so every attempt of a LookupEvents call (retries too) takes a slot.
  const lookupBudget: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      if (context.commandName === "LookupEventsCommand") await acquireLookupSlot(region);
      return next(args);
    };
  client.middlewareStack.addRelativeTo(lookupBudget, {
    relation: "after",
    toMiddleware: "retryMiddleware",
    name: "lookupEventsBudget",
  });
  installCredentialRecovery(client, caller);
  clients.set(key, client);
  return client;
}

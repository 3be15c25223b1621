import "server-only";
import { createRateLimiter, type RateLimitConfig } from "@/lib/auth/rate-limit";
import { failOpen } from "@/lib/db/fail-open";
import { rateLimitStore } from "@/lib/db/rate-limits";
import { CloudTrailAppError } from "./errors";
import type { Caller } from "./types";

// Reads are cached and shared, so a person who looks at what others look at costs nothing. What must be
// bounded is the rest: every cache miss a person causes (a random import id, a new filter, a new page) is
// a CloudTrail call made in the account's name, and CloudTrail's limits are per account and Region, shared
// with every other tool there. So each miss is charged to the person, whichever page or route caused it,
// in the database, so that all replicas draw on one budget.

/** 200 CloudTrail calls per person per 40 s (a screen of 50 imports costs about 55): 5 a second sustained. */
export const CALLER_AWS_BUDGET: RateLimitConfig = { limit: 200, windowMs: 40_000 };

const limiter = createRateLimiter("caller-aws", CALLER_AWS_BUDGET, rateLimitStore());

// Fails open: when the database cannot be reached the call goes ahead, with a logged warning. Reading
// CloudTrail needs nothing from our database, and this budget only protects the account's API limits,
// which CloudTrail enforces again itself (ThrottlingException); an outage of ours must not blank every page.
const checked = failOpen("CloudTrail call budget", true);

/**
 * Takes one CloudTrail call from `caller`'s budget; throws a `RateLimited` error (HTTP 429 in route
 * handlers, a message on pages) when it is spent. Call it on the cache-miss path only, just before the call.
 */
export async function chargeCaller(caller: Caller): Promise<void> {
  if (!(await checked(() => limiter.take(caller.id))))
    throw new CloudTrailAppError("RateLimited", "Per-person CloudTrail call budget spent");
}

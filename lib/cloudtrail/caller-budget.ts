import "server-only";
import { createRateLimiter, type RateLimitConfig } from "@/lib/auth/rate-limit";
import { processWide } from "./cache";
import { CloudTrailAppError } from "./errors";
import type { Caller } from "./types";

// Reads are cached and shared, so a person who looks at what others look at costs nothing. What must be
// bounded is the rest: every cache miss a person causes (a random import id, a new filter, a new page) is
// a CloudTrail call made in the account's name, and CloudTrail's limits are per account and Region, shared
// with every other tool there. So each miss is charged to the person, whichever page or route caused it.
// In memory per replica for now (see lib/auth/rate-limit.ts); the interface is what a shared store backs.

/** A burst of 200 CloudTrail calls per person (a screen of 50 imports costs about 55), then 5 a second. */
export const CALLER_AWS_BUDGET: RateLimitConfig = { capacity: 200, refillMs: 200 };

const limiter = processWide("caller-aws-budget", () => createRateLimiter(CALLER_AWS_BUDGET));

/**
 * Takes one CloudTrail call from `caller`'s budget; throws a `RateLimited` error (HTTP 429 in route
 * handlers, a message on pages) when it is spent. Call it on the cache-miss path only, just before the call.
 */
export function chargeCaller(caller: Caller): void {
  if (!limiter.take(caller.id))
    throw new CloudTrailAppError("RateLimited", "Per-person CloudTrail call budget spent");
}

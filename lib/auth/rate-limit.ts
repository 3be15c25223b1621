import type { RateLimitStore } from "@/lib/db/rate-limits";

/** Fixed-window budget: at most `limit` requests per key in each window of `windowMs`. */
export type RateLimitConfig = { limit: number; windowMs: number };

export type RateLimiter = {
  /**
   * Takes one request from `key`'s budget; false when it is spent. Rejects when the shared counter cannot
   * be reached, so each caller decides whether that refuses (actions) or lets the request through (reads).
   */
  take(key: string): Promise<boolean>;
};

/**
 * A per-key budget counted in the database, so every replica draws on the same one: N replicas no longer
 * mean N budgets. `scope` keeps budgets for different purposes apart in the shared table.
 */
export function createRateLimiter(
  scope: string,
  config: RateLimitConfig,
  store: Pick<RateLimitStore, "hit">,
): RateLimiter {
  return {
    async take(key) {
      const { allowed } = await store.hit(`${scope}:${key}`, config.limit, config.windowMs);
      return allowed;
    },
  };
}

/** Default budget for mutating actions: 20 a minute per person. */
export const ACTION_RATE_LIMIT: RateLimitConfig = { limit: 20, windowMs: 60_000 };

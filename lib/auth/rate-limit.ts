/** Token-bucket settings: `capacity` requests in a burst, then one more every `refillMs`. */
export type RateLimitConfig = { capacity: number; refillMs: number };

export type RateLimiter = {
  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean;
};

/**
 * An in-memory token bucket per key (user id). It is per server instance: with N replicas a user gets up to
 * N times the budget, which is fine for its purpose (stopping runaway clients and scripted floods of
 * StartImport), not for billing-grade quotas. Full buckets are dropped so memory tracks active users only.
 */
export function createRateLimiter(
  config: RateLimitConfig,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();

  function prune(time: number): void {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (time - bucket.at) / config.refillMs >= config.capacity)
        buckets.delete(key);
    }
  }

  return {
    take(key) {
      const time = now();
      if (buckets.size > 10_000) prune(time);
      const bucket = buckets.get(key) ?? { tokens: config.capacity, at: time };
      const tokens = Math.min(
        config.capacity,
        bucket.tokens + (time - bucket.at) / config.refillMs,
      );
      if (tokens < 1) {
        buckets.set(key, { tokens, at: time });
        return false;
      }
      buckets.set(key, { tokens: tokens - 1, at: time });
      return true;
    },
  };
}

/** Default budget for mutating actions: a burst of 10, then one every 3 s (20 a minute). */
export const ACTION_RATE_LIMIT: RateLimitConfig = { capacity: 10, refillMs: 3_000 };

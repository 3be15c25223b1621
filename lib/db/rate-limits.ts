import "server-only";
import { lte, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { rateLimits } from "./schema.ts";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

export type RateLimitStore = {
  /** Counts one request for `key` in a fixed window of `windowMs`; allowed while the count is ≤ `limit`. */
  hit(key: string, limit: number, windowMs: number, now?: Date): Promise<RateLimitResult>;
  deleteExpired(now?: Date): Promise<number>;
};

/** Fixed-window counters shared by every replica: one upsert both counts and decides, so none can race. */
export function rateLimitStore(database?: Database): RateLimitStore {
  const db = () => resolveDatabase(database);
  const t = rateLimits;
  return {
    hit: (key, limit, windowMs, now = new Date()) =>
      run(async () => {
        const expiresAt = new Date(now.getTime() + windowMs);
        const expired = sql`${t.expiresAt} <= ${now.toISOString()}::timestamptz`;
        const [row] = await db()
          .insert(t)
          .values({ key, hits: 1, windowStart: now, expiresAt })
          .onConflictDoUpdate({
            target: t.key,
            set: {
              hits: sql`case when ${expired} then 1 else ${t.hits} + 1 end`,
              windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${t.windowStart} end`,
              expiresAt: sql`case when ${expired} then ${expiresAt.toISOString()}::timestamptz else ${t.expiresAt} end`,
            },
          })
          .returning({ hits: t.hits, expiresAt: t.expiresAt });
        if (!row) throw new Error("The rate-limit upsert returned no row.");
        const allowed = row.hits <= limit;
        return {
          allowed,
          remaining: Math.max(0, limit - row.hits),
          retryAfterMs: allowed ? 0 : Math.max(0, row.expiresAt.getTime() - now.getTime()),
        };
      }),
    deleteExpired: (now = new Date()) =>
      run(async () => {
        const deleted = await db().delete(t).where(lte(t.expiresAt, now));
        return deleted.rowCount ?? 0;
      }),
  };
}

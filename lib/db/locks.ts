import "server-only";
import { and, eq, lte, or } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { locks } from "./schema.ts";

export type LockStore = {
  /**
   * Takes `key` for `owner` for `ttlMs`: true when it was free, expired, or already `owner`'s (which
   * extends it). A holder that outlives its lease loses the lock to the next claimant.
   */
  claim(key: string, owner: string, ttlMs: number, now?: Date): Promise<boolean>;
  /** Gives `key` up if `owner` still holds it; returns whether it did. */
  release(key: string, owner: string): Promise<boolean>;
  deleteExpired(now?: Date): Promise<number>;
};

/** Leases in a table rather than advisory locks: they survive connection churn and work through poolers. */
export function lockStore(database?: Database): LockStore {
  const db = () => resolveDatabase(database);
  const t = locks;
  return {
    claim: (key, owner, ttlMs, now = new Date()) =>
      run(async () => {
        const expiresAt = new Date(now.getTime() + ttlMs);
        const claimed = await db()
          .insert(t)
          .values({ key, owner, expiresAt })
          .onConflictDoUpdate({
            target: t.key,
            set: { owner, expiresAt },
            setWhere: or(lte(t.expiresAt, now), eq(t.owner, owner)),
          })
          .returning({ key: t.key });
        return claimed.length === 1;
      }),
    release: (key, owner) =>
      run(async () => {
        const released = await db()
          .delete(t)
          .where(and(eq(t.key, key), eq(t.owner, owner)));
        return released.rowCount === 1;
      }),
    deleteExpired: (now = new Date()) =>
      run(async () => {
        const deleted = await db().delete(t).where(lte(t.expiresAt, now));
        return deleted.rowCount ?? 0;
      }),
  };
}

import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { revokedSessions } from "./schema.ts";

export type SessionRevocationStore = {
  /** Records that session `sessionId` ended; it stays ended until `expiresAt` (the session cap). */
  revoke(sessionId: string, expiresAt: Date, now?: Date): Promise<void>;
  /** True while a revocation of `sessionId` is live, whichever replica recorded it. */
  isRevoked(sessionId: string, now?: Date): Promise<boolean>;
  deleteExpired(now?: Date): Promise<number>;
};

/** Signed-out session ids shared by every replica. */
export function sessionRevocationStore(database?: Database): SessionRevocationStore {
  const db = () => resolveDatabase(database);
  const t = revokedSessions;
  return {
    revoke: (sessionId, expiresAt, now = new Date()) =>
      run(async () => {
        // A second sign-out of the same session keeps the later expiry.
        await db()
          .insert(t)
          .values({ sessionId, revokedAt: now, expiresAt })
          .onConflictDoUpdate({
            target: t.sessionId,
            set: { expiresAt },
            setWhere: lte(t.expiresAt, expiresAt),
          });
      }),
    isRevoked: (sessionId, now = new Date()) =>
      run(async () => {
        const rows = await db()
          .select({ sessionId: t.sessionId })
          .from(t)
          .where(and(eq(t.sessionId, sessionId), gt(t.expiresAt, now)))
          .limit(1);
        return rows.length === 1;
      }),
    deleteExpired: (now = new Date()) =>
      run(async () => {
        const deleted = await db().delete(t).where(lte(t.expiresAt, now));
        return deleted.rowCount ?? 0;
      }),
  };
}

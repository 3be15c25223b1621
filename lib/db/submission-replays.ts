import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { submissionReplays } from "./schema.ts";

export type SubmissionReplayStore = {
  /**
   * Stores `result` for (userKey, submissionId) unless a live one is there already, and returns the one
   * that won: the first submission's result, whichever replica saw it first.
   */
  remember(
    userKey: string,
    submissionId: string,
    result: unknown,
    ttlMs: number,
    now?: Date,
  ): Promise<{ first: boolean; result: unknown }>;
  /** The stored result, or `undefined` when none is live. */
  recall(userKey: string, submissionId: string, now?: Date): Promise<unknown>;
  /** Deletes expired results; returns how many. */
  deleteExpired(now?: Date): Promise<number>;
};

/** Replays of form submissions, so a double-click or a retried request does not act twice. */
export function submissionReplayStore(database?: Database): SubmissionReplayStore {
  const db = () => resolveDatabase(database);
  const t = submissionReplays;
  const store: SubmissionReplayStore = {
    remember: (userKey, submissionId, result, ttlMs, now = new Date()) =>
      run(async () => {
        const expiresAt = new Date(now.getTime() + ttlMs);
        // An expired row not yet cleaned up counts as absent: the update takes it over in the same statement.
        const inserted = await db()
          .insert(t)
          .values({ userKey, submissionId, result, createdAt: now, expiresAt })
          .onConflictDoUpdate({
            target: [t.userKey, t.submissionId],
            set: { result, createdAt: now, expiresAt },
            setWhere: lte(t.expiresAt, now),
          })
          .returning({ result: t.result });
        if (inserted[0]) return { first: true, result: inserted[0].result };
        const existing = await store.recall(userKey, submissionId, now);
        return { first: false, result: existing };
      }),
    recall: (userKey, submissionId, now = new Date()) =>
      run(async () => {
        const rows = await db()
          .select({ result: t.result })
          .from(t)
          .where(
            and(eq(t.userKey, userKey), eq(t.submissionId, submissionId), gt(t.expiresAt, now)),
          );
        return rows[0]?.result;
      }),
    deleteExpired: (now = new Date()) =>
      run(async () => {
        const deleted = await db().delete(t).where(lte(t.expiresAt, now));
        return deleted.rowCount ?? 0;
      }),
  };
  return store;
}

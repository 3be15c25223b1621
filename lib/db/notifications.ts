import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { notifications } from "./schema.ts";

/** The notification outbox as lib/notify/deliver.ts reads and updates it. */
export function outboxStore(database?: Database) {
  const db = () => resolveDatabase(database);
  const t = notifications;
  return {
    /** Undelivered rows whose time has come, oldest first. */
    due: (now: Date, limit: number) =>
      run(() =>
        db()
          .select()
          .from(t)
          .where(and(isNull(t.deliveredAt), isNull(t.gaveUpAt), lte(t.nextAttemptAt, now)))
          .orderBy(asc(t.nextAttemptAt), asc(t.id))
          .limit(limit),
      ),
    /**
     * Counts an attempt and pushes the row out of reach for `leaseMs` while it is sent, only if no
     * one else counted it first: two senders never post the same attempt.
     */
    claim: (row: { id: string; channel: string; attempts: number }, now: Date, leaseMs: number) =>
      run(async () => {
        const claimed = await db()
          .update(t)
          .set({ attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + leaseMs) })
          .where(
            and(
              eq(t.id, row.id),
              eq(t.channel, row.channel),
              eq(t.attempts, row.attempts),
              isNull(t.deliveredAt),
              isNull(t.gaveUpAt),
            ),
          )
          .returning({ id: t.id });
        return claimed.length === 1;
      }),
    record: (
      row: { id: string; channel: string },
      patch: Partial<{
        deliveredAt: Date;
        gaveUpAt: Date;
        nextAttemptAt: Date;
        lastError: string | null;
      }>,
    ) =>
      run(async () => {
        await db()
          .update(t)
          .set(patch)
          .where(and(eq(t.id, row.id), eq(t.channel, row.channel)));
      }),
    /** Gives up every pending row of a channel whose receiver asked to be left alone (410). */
    disableChannel: (channel: string, now: Date, reason: string) =>
      run(async () => {
        await db()
          .update(t)
          .set({ gaveUpAt: now, lastError: reason })
          .where(and(eq(t.channel, channel), isNull(t.deliveredAt), isNull(t.gaveUpAt)));
      }),
    /** Every row of an event, for tests and the plan page. */
    forEvent: (id: string) =>
      run(() => db().select().from(t).where(eq(t.id, id)).orderBy(asc(t.channel))),
  };
}

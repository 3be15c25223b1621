import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { NotificationEvent } from "@/lib/schemas/notification";
import type { PlanSnapshot } from "@/lib/schemas/plan-rows";
import type { ChunkState, ChunkStatistics, PlanState } from "@/lib/schemas/plan-rows";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { chunks, notifications, plans, runnerLock } from "./schema.ts";
import { type PlanCreator, chunkStateIn, parseChunk, parsePlan } from "./plans.ts";

// The runner's reads and conditional writes. Every write names the state the tick saw, so a write
// another tick (or a person) made first wins and this one matches no row.

export type TickPlan = PlanSnapshot & { creator: PlanCreator };

/** The chunk as the tick saw it: its update applies only if it is still so. */
export type SeenChunk = { id: string; state: ChunkState; attempts: number };

export type ChunkUpdate = Partial<{
  state: ChunkState;
  attempts: number;
  importId: string;
  claimedAt: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  statistics: ChunkStatistics;
  finishedAt: Date;
}>;

const TICK_PLAN_STATES: PlanState[] = ["active", "paused", "cancelled"];

export function planRunnerStore(database?: Database) {
  const db = () => resolveDatabase(database);

  async function insertNotifications(
    tx: Pick<Database, "insert">,
    events: readonly NotificationEvent[],
    channels: readonly string[],
  ): Promise<number> {
    const values = events.flatMap((event) =>
      channels.map((channel) => ({ id: event.id, channel, kind: event.kind, payload: event })),
    );
    if (values.length === 0) return 0;
    const inserted = await tx
      .insert(notifications)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    return inserted.length;
  }

  return {
    /**
     * Takes the lease `name` until `now + ttlMs` when it is free or expired. One statement, so it
     * holds no transaction open during the tick: on PGlite, which runs every connection in one
     * session, an open transaction would stall the tick's own queries, and a row lock held by that
     * session would not exclude a second tick at all.
     */
    tryLock: (name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> =>
      run(async () => {
        await db()
          .insert(runnerLock)
          .values({ name, holder: null, lockedUntil: new Date(0) })
          .onConflictDoNothing();
        const taken = await db().execute(sql`
          update ${runnerLock} set holder = ${holder}, locked_until = ${new Date(now.getTime() + ttlMs)}
          where name = (
            select name from ${runnerLock}
            where name = ${name} and locked_until <= ${now}
            for update skip locked
          )
          returning name`);
        return taken.rows.length === 1;
      }),

    /** Gives the lease back if `holder` still has it. */
    unlock: (name: string, holder: string): Promise<void> =>
      run(async () => {
        await db()
          .update(runnerLock)
          .set({ holder: null, lockedUntil: new Date(0) })
          .where(and(eq(runnerLock.name, name), eq(runnerLock.holder, holder)));
      }),

    /** Active, paused and cancelled plans with their chunks, oldest plan first. */
    loadTickPlans: (): Promise<TickPlan[]> =>
      run(async () => {
        const planRows = await db()
          .select()
          .from(plans)
          .where(inArray(plans.state, TICK_PLAN_STATES))
          .orderBy(asc(plans.createdAt), asc(plans.id));
        if (planRows.length === 0) return [];
        const chunkRows = await db()
          .select()
          .from(chunks)
          .where(
            inArray(
              chunks.planId,
              planRows.map((row) => row.id),
            ),
          )
          .orderBy(asc(chunks.index));
        return planRows.map((row) => ({
          plan: parsePlan(row),
          creator: { email: row.createdBy, sub: row.createdBySub },
          chunks: chunkRows.filter((chunk) => chunk.planId === row.id).map(parseChunk),
        }));
      }),

    /**
     * Updates the chunk only while it is as `seen`, then inserts `events` for `channels` in the
     * same transaction. Returns whether the chunk matched (the events are inserted only then).
     */
    updateChunk: (
      seen: SeenChunk,
      update: ChunkUpdate,
      now: Date,
      events: readonly NotificationEvent[] = [],
      channels: readonly string[] = [],
    ): Promise<boolean> =>
      run(() =>
        db().transaction(async (tx) => {
          const changed = await tx
            .update(chunks)
            .set({ ...update, updatedAt: now })
            .where(
              and(
                eq(chunks.id, seen.id),
                chunkStateIn([seen.state]),
                eq(chunks.attempts, seen.attempts),
              ),
            )
            .returning({ id: chunks.id });
          if (changed.length === 0) return false;
          await insertNotifications(tx, events, channels);
          return true;
        }),
      ),

    /** Finishes the plan while it is still active or paused, with its notifications. */
    finishPlan: (
      planId: string,
      outcome: "completed" | "failed",
      now: Date,
      events: readonly NotificationEvent[],
      channels: readonly string[],
    ): Promise<boolean> =>
      run(() =>
        db().transaction(async (tx) => {
          const changed = await tx
            .update(plans)
            .set({ state: outcome, updatedAt: now })
            .where(and(eq(plans.id, planId), inArray(plans.state, ["active", "paused"])))
            .returning({ id: plans.id });
          if (changed.length === 0) return false;
          await insertNotifications(tx, events, channels);
          return true;
        }),
      ),

    /** Outbox rows for events not tied to a chunk update; an event already there is left alone. */
    enqueue: (events: readonly NotificationEvent[], channels: readonly string[]): Promise<number> =>
      run(() => insertNotifications(db(), events, channels)),
  };
}

export type PlanRunnerStore = ReturnType<typeof planRunnerStore>;

/** Where a chunk's update condition comes from: the row as loaded for the tick. */
export function seenOf(chunk: { id: string; state: ChunkState; attempts: number }): SeenChunk {
  return { id: chunk.id, state: chunk.state, attempts: chunk.attempts };
}

import "server-only";
import type { Database } from "./client.ts";
import { activityLog } from "./activity.ts";
import { lockStore } from "./locks.ts";
import { rateLimitStore } from "./rate-limits.ts";
import { sessionRevocationStore } from "./session-revocations.ts";
import { submissionReplayStore } from "./submission-replays.ts";
import { ticketStore } from "./tickets.ts";

export type CleanupCounts = Record<
  "replays" | "rateLimits" | "tickets" | "locks" | "sessions" | "activity",
  number
>;

/**
 * Deletes every expired row, and activity older than `retentionDays`. Idempotent, so any number of replicas
 * may run it at any time.
 */
export async function deleteExpiredRows(opts: {
  retentionDays: number;
  now?: Date;
  db?: Database;
}): Promise<CleanupCounts> {
  const { db, now = new Date() } = opts;
  const [replays, rateLimits, tickets, locks, sessions, activity] = await Promise.all([
    submissionReplayStore(db).deleteExpired(now),
    rateLimitStore(db).deleteExpired(now),
    ticketStore(db).deleteExpired(now),
    lockStore(db).deleteExpired(now),
    sessionRevocationStore(db).deleteExpired(now),
    activityLog(db).deleteOlderThan(opts.retentionDays, now),
  ]);
  return { replays, rateLimits, tickets, locks, sessions, activity };
}

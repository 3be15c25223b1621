// What a notification is about, independent of where it goes: the runner emits these, the outbox
// (lib/db) stores them and lib/notify renders and delivers them.

export const NOTIFICATION_KINDS = [
  "import-completed",
  "import-failed",
  "import-stopped",
  "plan-completed",
  "plan-failed",
  "needs-attention",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationEvent {
  kind: NotificationKind;
  /**
   * Unique per event and the same however often a tick re-derives it: the outbox's unique key and
   * the `webhook-id` receivers de-duplicate on.
   */
  id: string;
  /** When the event happened (ISO-8601, UTC). */
  occurredAt: string;
  planId: string;
  planName?: string;
  destination: string;
  chunkId?: string;
  /** Human description of the chunk, e.g. "s3://…/CloudTrail/ 2026-01-01 to 2026-01-07". */
  chunkLabel?: string;
  importId?: string;
  /** What went wrong or what a person should do, in one or two sentences. */
  reason?: string;
  /** Chunk counts at the time, for plan-level events. */
  counts?: { completed: number; failed: number; stopped: number; skipped: number; total: number };
  eventsCompleted?: number;
}

// How far a plan has got and when it may finish. Chunks differ in size (a clipped first week, a
// 28-day February), so progress and pace are measured in days of logs, not in chunks.
import type { ChunkRow, ChunkState } from "@/lib/schemas/plan-rows";
import { DAY_MS, END_GAP_MS } from "./ranges";

export interface PlanProgress {
  chunks: Record<ChunkState, number> & { total: number };
  /** Days of logs in finished chunks (completed, failed, stopped, skipped) over all days; 0–100. */
  percent: number;
  daysCompleted: number;
  daysRemaining: number;
  eventsCompleted: number;
  filesCompleted: number;
  /** Completed days per hour since the first completed chunk was claimed; null until one completed. */
  daysPerHour: number | null;
  /** When the remaining days should be done at that pace; null when there is no pace or nothing left. */
  eta: Date | null;
}

const REMAINING: ReadonlySet<ChunkState> = new Set(["pending", "starting", "running", "held"]);

function daysOf(chunk: Pick<ChunkRow, "start" | "end">): number {
  return Math.round((chunk.end.getTime() + END_GAP_MS - chunk.start.getTime()) / DAY_MS);
}

/**
 * Progress of one plan's chunks at `now`. The pace is measured over completed chunks only, from
 * the earliest claim among them to the latest finish, so the time a paused plan sat idle before
 * its first import counts only if it fell between imports.
 */
export function planProgress(chunks: readonly ChunkRow[], now: Date): PlanProgress {
  const counts = {
    pending: 0,
    starting: 0,
    running: 0,
    completed: 0,
    failed: 0,
    stopped: 0,
    skipped: 0,
    held: 0,
    total: chunks.length,
  };
  let allDays = 0;
  let daysCompleted = 0;
  let daysRemaining = 0;
  let eventsCompleted = 0;
  let filesCompleted = 0;
  let firstClaim = Number.POSITIVE_INFINITY;
  let lastFinish = Number.NEGATIVE_INFINITY;
  for (const chunk of chunks) {
    counts[chunk.state] += 1;
    const days = daysOf(chunk);
    allDays += days;
    // Failed and stopped imports copied some events too; counting them shows what is in the store.
    eventsCompleted += chunk.statistics?.eventsCompleted ?? 0;
    filesCompleted += chunk.statistics?.filesCompleted ?? 0;
    if (REMAINING.has(chunk.state)) daysRemaining += days;
    if (chunk.state !== "completed") continue;
    daysCompleted += days;
    if (chunk.claimedAt) firstClaim = Math.min(firstClaim, chunk.claimedAt.getTime());
    if (chunk.finishedAt) lastFinish = Math.max(lastFinish, chunk.finishedAt.getTime());
  }
  const elapsed = lastFinish - firstClaim;
  const daysPerHour =
    daysCompleted > 0 && elapsed > 0 ? daysCompleted / (elapsed / 3_600_000) : null;
  const eta =
    daysPerHour !== null && daysRemaining > 0
      ? new Date(now.getTime() + (daysRemaining / daysPerHour) * 3_600_000)
      : null;
  const finished = allDays - daysRemaining;
  return {
    chunks: counts,
    percent: allDays === 0 ? 0 : Math.floor((finished / allDays) * 100),
    daysCompleted,
    daysRemaining,
    eventsCompleted,
    filesCompleted,
    daysPerHour,
    eta,
  };
}

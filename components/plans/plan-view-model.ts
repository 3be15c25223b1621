// How plans and chunks are written on screen. Pure, shared by server and client code.
import type { ChunkState, PlanState } from "@/lib/schemas/plan-rows";

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  active: "Active",
  paused: "Paused",
  cancelled: "Cancelled",
  completed: "Completed",
  failed: "Failed",
};

export const CHUNK_STATE_LABELS: Record<ChunkState, string> = {
  pending: "Pending",
  starting: "Starting",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  stopped: "Stopped",
  skipped: "Skipped",
  held: "Held (unknown state)",
};

type Tone = "default" | "secondary" | "success" | "warning" | "destructive" | "outline";

const PLAN_TONES: Record<PlanState, Tone> = {
  active: "default",
  paused: "warning",
  cancelled: "outline",
  completed: "success",
  failed: "destructive",
};

const CHUNK_TONES: Record<ChunkState, Tone> = {
  pending: "outline",
  starting: "secondary",
  running: "default",
  completed: "success",
  failed: "destructive",
  stopped: "warning",
  skipped: "outline",
  held: "warning",
};

export const planTone = (state: PlanState): Tone => PLAN_TONES[state];
export const chunkTone = (state: ChunkState): Tone => CHUNK_TONES[state];

/** Plans in these states may still start imports, so their pages keep refreshing. */
export function isPlanLive(state: PlanState): boolean {
  return state === "active" || state === "paused";
}

const FINISHED: readonly ChunkState[] = ["completed", "failed", "stopped", "skipped"];

/**
 * Chunks finished out of all, for a list row where only the counts are known. The plan page
 * measures in days instead (chunks differ in length); a list row says "chunks" so the two never
 * read as the same number.
 */
export function chunkCountProgress(counts: Record<ChunkState, number>): {
  done: number;
  total: number;
  percent: number;
} {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const done = FINISHED.reduce((sum, state) => sum + counts[state], 0);
  return { done, total, percent: total === 0 ? 0 : Math.floor((done / total) * 100) };
}

/** "3 running, 12 pending, 1 failed": the non-zero counts in a fixed order. */
export function describeChunkCounts(counts: Record<ChunkState, number>): string {
  const parts = (Object.keys(CHUNK_STATE_LABELS) as ChunkState[])
    .filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${state}`);
  return parts.length > 0 ? parts.join(", ") : "no chunks";
}

/** The store's name part of an event data store ARN, for narrow columns. */
export function storeShortName(arn: string): string {
  return arn.split("/").at(-1) ?? arn;
}

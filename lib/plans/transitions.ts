// What a person may do to a plan or a chunk, and the state it leads to. The actions call these
// before a conditional update on the state they read, so a click racing a tick changes nothing.
import type { ChunkPatch, ChunkRow, ChunkState, PlanState } from "@/lib/schemas/plan-rows";

export type { ChunkPatch };

export type PlanAction = "pause" | "resume" | "cancel";
export type ChunkAction = "skip" | "rerun";

export type Transition<T> = { ok: true; to: T } | { ok: false; error: string };

const PLAN_MOVES: Record<PlanAction, { from: readonly PlanState[]; to: PlanState }> = {
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
  // Cancelling stops the running import on the next tick; copied events stay in the store.
  cancel: { from: ["active", "paused"], to: "cancelled" },
};

export function planTransition(state: PlanState, action: PlanAction): Transition<PlanState> {
  const move = PLAN_MOVES[action];
  if (move.from.includes(state)) return { ok: true, to: move.to };
  return {
    ok: false,
    error: `A plan that is ${state} can't be ${action === "cancel" ? "cancelled" : `${action}d`}`,
  };
}

const SKIPPABLE: ReadonlySet<ChunkState> = new Set(["pending", "failed", "stopped", "held"]);
// Completed chunks are not re-run: importing the same files again would duplicate their events.
const RERUNNABLE: ReadonlySet<ChunkState> = new Set(["failed", "stopped", "skipped", "held"]);

/**
 * Skip leaves the chunk's import (if any) as it is. Re-run puts the chunk back in the queue with a
 * fresh retry budget; a chunk that has an import retries that import, so CloudTrail resumes it
 * rather than copying the finished files again. Re-running a chunk of a finished plan reopens it.
 */
export function chunkTransition(
  chunk: Pick<ChunkRow, "state">,
  planState: PlanState,
  action: ChunkAction,
): Transition<{ chunk: ChunkPatch; plan?: PlanState }> {
  if (planState === "cancelled") return { ok: false, error: "The plan was cancelled" };
  if (action === "skip") {
    return SKIPPABLE.has(chunk.state)
      ? { ok: true, to: { chunk: { state: "skipped", nextAttemptAt: null } } }
      : { ok: false, error: `A chunk that is ${chunk.state} can't be skipped` };
  }
  if (!RERUNNABLE.has(chunk.state))
    return { ok: false, error: `A chunk that is ${chunk.state} can't be re-run` };
  const reopen = planState === "completed" || planState === "failed";
  return {
    ok: true,
    to: {
      chunk: { state: "pending", attempts: 0, nextAttemptAt: null, lastError: null },
      ...(reopen ? { plan: "active" as const } : {}),
    },
  };
}

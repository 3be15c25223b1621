// The pure half of the plan actions: from the plan as read, what to update and on what
// condition. The definitions apply the answer as a conditional update, so a click that races
// the runner or another person changes nothing and says so.
import { type ChunkPatch, chunkTransition, planTransition } from "@/lib/plans/transitions";
import type { ChunkAction, PlanAction } from "@/lib/plans/transitions";
import type { PlanDraft } from "@/lib/schemas/plan";
import type { ChunkRow, ChunkState, PlanRow, PlanState } from "@/lib/schemas/plan-rows";

/** What a person sees when a conditional update matched nothing. */
export const PLAN_CHANGED_MESSAGE =
  "Someone else changed this plan; reload to see where it is now.";
export const PLAN_NOT_FOUND_MESSAGE = "This plan doesn't exist (any more); reload the plans list.";

export type Decision<T> = { ok: true; update: T } | { ok: false; error: string };

/** The plan update for `action`, conditional on the state it was read in. */
export function decidePlanCommand(
  plan: Pick<PlanRow, "state">,
  action: PlanAction,
): Decision<{ from: PlanState[]; to: PlanState }> {
  const move = planTransition(plan.state, action);
  return move.ok ? { ok: true, update: { from: [plan.state], to: move.to } } : move;
}

/** The chunk update (and a reopened plan, for a re-run in a finished plan) for `action`. */
export function decideChunkCommand(
  plan: Pick<PlanRow, "state">,
  chunks: readonly Pick<ChunkRow, "id" | "state">[],
  chunkId: string,
  action: ChunkAction,
): Decision<{
  from: ChunkState[];
  patch: { state: ChunkState; attempts?: number; nextAttemptAt?: null };
  plan?: { from: PlanState[]; to: PlanState };
}> {
  const chunk = chunks.find((c) => c.id === chunkId);
  if (!chunk) return { ok: false, error: "This chunk is not part of the plan; reload the plan." };
  const move = chunkTransition(chunk, plan.state, action);
  if (!move.ok) return move;
  return {
    ok: true,
    update: {
      from: [chunk.state],
      patch: repositoryPatch(move.to.chunk),
      ...(move.to.plan ? { plan: { from: [plan.state], to: move.to.plan } } : {}),
    },
  };
}

// The repository's chunk update takes state, attempts and the next attempt; the runner clears the
// last error when the chunk starts again.
function repositoryPatch(patch: ChunkPatch) {
  return {
    state: patch.state,
    ...(patch.attempts === undefined ? {} : { attempts: patch.attempts }),
    ...(patch.nextAttemptAt === undefined ? {} : { nextAttemptAt: patch.nextAttemptAt }),
  };
}

/** A plan's name from what it imports: `us-east-1 store-name, 2025-01-01 to 2025-12-31`. */
export function defaultPlanName(draft: Pick<PlanDraft, "destination" | "range">): string {
  const store = draft.destination.split("/").at(-1) ?? draft.destination;
  return `${store}, ${draft.range.from} to ${draft.range.to}`;
}

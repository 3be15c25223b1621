import { Badge } from "@/components/ui/badge";
import type { ChunkState, PlanState } from "@/lib/schemas/plan-rows";
import { CHUNK_STATE_LABELS, PLAN_STATE_LABELS, chunkTone, planTone } from "./plan-view-model";

/** A plan's state in words, coloured by how it went. */
export function PlanStateBadge({ state }: { state: PlanState }) {
  return <Badge variant={planTone(state)}>{PLAN_STATE_LABELS[state]}</Badge>;
}

/** A chunk's state in words. */
export function ChunkStateBadge({ state }: { state: ChunkState }) {
  return <Badge variant={chunkTone(state)}>{CHUNK_STATE_LABELS[state]}</Badge>;
}

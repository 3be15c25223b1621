import "server-only";
import { revalidatePath } from "next/cache";
import { createPlan, getPlan, setChunkState, setPlanState } from "@/lib/db/plans";
import { advancePlansSoon } from "@/lib/plans/advance";
import { buildChunks } from "@/lib/plans/chunks";
import type { ChunkAction, PlanAction } from "@/lib/plans/transitions";
import {
  chunkCommandSchema,
  createPlanSubmissionSchema,
  planCommandSchema,
} from "@/lib/schemas/plan-commands";
import type { ActionDefinition } from "../action-pipeline";
import { type AwsFailureDetail, actionError, actionOk } from "../types";
import {
  PLAN_CHANGED_MESSAGE,
  PLAN_NOT_FOUND_MESSAGE,
  decideChunkCommand,
  decidePlanCommand,
  defaultPlanName,
} from "./decide";

// The bodies of the plan actions. None calls CloudTrail (the runner does), so they name no
// operation and a database that can't be reached maps to its own sentence.

/** Where a plan's pages live, refreshed after every change. */
function revalidatePlan(planId: string): void {
  revalidatePath("/plans");
  revalidatePath(`/plans/${planId}`);
}

/**
 * Creates a plan as the signed-in operator: the draft is parsed with the form's schema, cut into
 * chunks, stored with its creator (imports start on their behalf), and the runner is nudged.
 */
export const createPlanDefinition: ActionDefinition<
  typeof createPlanSubmissionSchema,
  { planId: string; chunks: number },
  AwsFailureDetail
> = {
  name: "create-plan",
  schema: createPlanSubmissionSchema,
  role: "operator",
  async handler({ submissionId, ...draft }, { user, note }) {
    // The submission id is the plan id: a double submit or a replay finds the plan it created.
    const chunks = buildChunks(submissionId, draft);
    note({ detail: { destination: draft.destination, chunks: chunks.length } });
    const { planId } = await createPlan({
      draft,
      name: defaultPlanName(draft),
      createdBy: { email: user.email, sub: user.id },
      chunks,
      planId: submissionId,
    });
    note({ detail: { planId } });
    revalidatePlan(planId);
    advancePlansSoon();
    return actionOk({ planId, chunks: chunks.length }, "Plan created");
  },
};

const PLAN_MESSAGES: Record<PlanAction, string> = {
  pause: "Plan paused. Running imports finish; nothing new starts.",
  resume: "Plan resumed.",
  cancel: "Plan cancelled. A running import is stopped on the next tick.",
};

/** Pause, resume or cancel a plan, if it is still in the state the person saw. */
export function planCommandDefinition(
  action: PlanAction,
): ActionDefinition<typeof planCommandSchema, { planId: string }, AwsFailureDetail> {
  return {
    name: `${action}-plan`,
    schema: planCommandSchema,
    role: "operator",
    async handler({ planId }, { note }) {
      note({ detail: { planId } });
      const found = await getPlan(planId);
      if (!found) return actionError("invalid", PLAN_NOT_FOUND_MESSAGE);
      const decision = decidePlanCommand(found.plan, action);
      if (!decision.ok) return actionError("conflict", decision.error);
      const { from, to } = decision.update;
      if (!(await setPlanState(planId, from, to)))
        return actionError("conflict", PLAN_CHANGED_MESSAGE);
      note({ detail: { from: from.join(","), to } });
      revalidatePlan(planId);
      advancePlansSoon();
      return actionOk({ planId }, PLAN_MESSAGES[action]);
    },
  };
}

const CHUNK_MESSAGES: Record<ChunkAction, string> = {
  skip: "Chunk skipped.",
  rerun: "Chunk queued to run again.",
};

/** Skip or re-run one chunk, if it and its plan are still as the person saw them. */
export function chunkCommandDefinition(
  action: ChunkAction,
): ActionDefinition<typeof chunkCommandSchema, { planId: string }, AwsFailureDetail> {
  return {
    name: `${action === "rerun" ? "rerun" : "skip"}-chunk`,
    schema: chunkCommandSchema,
    role: "operator",
    async handler({ planId, chunkId }, { note }) {
      note({ detail: { planId, chunkId } });
      const found = await getPlan(planId);
      if (!found) return actionError("invalid", PLAN_NOT_FOUND_MESSAGE);
      const decision = decideChunkCommand(found.plan, found.chunks, chunkId, action);
      if (!decision.ok) return actionError("conflict", decision.error);
      const { from, patch, plan } = decision.update;
      if (!(await setChunkState(planId, chunkId, from, patch)))
        return actionError("conflict", PLAN_CHANGED_MESSAGE);
      // A re-run in a finished plan reopens it; if the plan moved meanwhile the runner reconciles.
      if (plan) await setPlanState(planId, plan.from, plan.to);
      revalidatePlan(planId);
      advancePlansSoon();
      return actionOk({ planId }, CHUNK_MESSAGES[action]);
    },
  };
}

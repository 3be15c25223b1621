// What the plan actions accept. Client-safe: the pages build these inputs and the actions parse
// them. The draft's own rules live in ./plan; this file adds only what an action needs around it.
import { z } from "zod";
import { planDraftSchema } from "./plan";

/**
 * A new plan as submitted: the draft plus a UUID the form makes once per draft. Chunk keys are
 * derived from it, so sending the same submission twice yields the same keys, which the database
 * refuses the second time.
 */
export const createPlanSubmissionSchema = z.intersection(
  planDraftSchema,
  z.object({
    submissionId: z.uuid({ error: "The form's submission id is missing; reload the page" }),
  }),
);
export type CreatePlanSubmission = z.input<typeof createPlanSubmissionSchema>;

export const PLAN_COMMANDS = ["pause", "resume", "cancel"] as const;
export const CHUNK_COMMANDS = ["skip", "rerun"] as const;

const planId = z.uuid({ error: "Not a plan id" });

export const planCommandSchema = z.strictObject({ planId });
export type PlanCommandInput = z.input<typeof planCommandSchema>;

export const chunkCommandSchema = z.strictObject({
  planId,
  chunkId: z.uuid({ error: "Not a chunk id" }),
});
export type ChunkCommandInput = z.input<typeof chunkCommandSchema>;

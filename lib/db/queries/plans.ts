import "server-only";
// STUB: the plans repository's signatures only. The runner branch replaces this file with the
// real queries; nothing here touches the database.
import type { NewChunk } from "@/lib/plans/chunks";
import type { PlanDraft } from "@/lib/schemas/plan";
import type { ChunkRow, ChunkState, PlanRow, PlanState } from "@/lib/schemas/plan-rows";

export async function createPlan(_input: {
  draft: PlanDraft;
  name: string;
  createdBy: { email: string; sub: string };
  chunks: NewChunk[];
}): Promise<{ planId: string }> {
  throw new Error("not wired");
}

export async function listPlans(_input: { limit: number; cursor?: string }): Promise<{
  plans: Array<PlanRow & { chunkCounts: Record<ChunkState, number> }>;
  nextCursor?: string;
}> {
  throw new Error("not wired");
}

export async function getPlan(_planId: string): Promise<{
  plan: PlanRow;
  sources: Array<{
    index: number;
    s3Uri: string;
    bucketRegion: string;
    roleArn: string;
    organizationId: string | null;
    accountIds: string[] | null;
  }>;
  chunks: ChunkRow[];
} | null> {
  throw new Error("not wired");
}

export async function setPlanState(
  _planId: string,
  _from: PlanState[],
  _to: PlanState,
): Promise<boolean> {
  throw new Error("not wired");
}

export async function setChunkState(
  _planId: string,
  _chunkId: string,
  _from: ChunkState[],
  _patch: { state: ChunkState; nextAttemptAt?: Date | null; attempts?: number },
): Promise<boolean> {
  throw new Error("not wired");
}

export async function chunksForCoverage(
  _destination: string,
): Promise<Array<{ start: Date; end: Date; state: ChunkState }>> {
  throw new Error("not wired");
}

import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ChunkPatch, NewChunk } from "@/lib/schemas/plan-rows";
import type { PlanDraft, PlanRange } from "@/lib/schemas/plan";
import {
  CHUNK_STATES,
  type ChunkRow,
  type ChunkState,
  type PlanRow,
  type PlanState,
  chunkRowSchema,
  planRowSchema,
} from "@/lib/schemas/plan-rows";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { chunks, planSources, plans } from "./schema.ts";

export type PlanCreator = { email: string; sub: string };

export type PlanSourceRow = {
  index: number;
  s3Uri: string;
  bucketRegion: string;
  roleArn: string;
  organizationId?: string;
  accountIds?: string[];
};

export type PlanSummary = PlanRow & { chunkCounts: Record<ChunkState, number> };

export type PlanDetail = {
  plan: PlanRow;
  range: PlanRange;
  creator: PlanCreator;
  sources: PlanSourceRow[];
  chunks: ChunkRow[];
};

/** A chunk not yet started, for the coverage timeline's "planned" days. */
export type PlannedChunk = { planId: string; chunkId: string; start: Date; end: Date };

export type CreatePlanInput = {
  draft: PlanDraft;
  name: string;
  createdBy: PlanCreator;
  chunks: NewChunk[];
  /**
   * The id `chunks` were built with (buildChunks). Given again by a replayed submission, it makes
   * the second call return the first plan instead of creating another.
   */
  planId?: string;
};

const KNOWN_STORED_STATES = CHUNK_STATES.filter((state) => state !== "held");

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.uuid() });

function encodeCursor(plan: PlanRow): string {
  const raw = JSON.stringify({ t: plan.createdAt.toISOString(), id: plan.id });
  return Buffer.from(raw).toString("base64url");
}

function decodeCursor(raw: string | undefined): { at: Date; id: string } | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString()));
    return parsed.success ? { at: new Date(parsed.data.t), id: parsed.data.id } : undefined;
  } catch {
    return undefined;
  }
}

function emptyCounts(): Record<ChunkState, number> {
  return Object.fromEntries(CHUNK_STATES.map((state) => [state, 0])) as Record<ChunkState, number>;
}

/** Matches stored states, where "held" stands for any value this version does not know. */
export function chunkStateIn(states: readonly ChunkState[]): SQL | undefined {
  const known = states.filter((state) => state !== "held");
  const conditions: (SQL | undefined)[] = [];
  if (known.length > 0) conditions.push(inArray(chunks.state, known));
  if (states.includes("held")) conditions.push(notInArray(chunks.state, KNOWN_STORED_STATES));
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

export const parsePlan = (row: unknown): PlanRow => planRowSchema.parse(row);
export const parseChunk = (row: unknown): ChunkRow => chunkRowSchema.parse(row);

/** Plans, their sources and chunks. Every row read back is validated with the plan-rows schemas. */
export function planRepository(database?: Database) {
  const db = () => resolveDatabase(database);
  return {
    /** Inserts the plan, its sources and its chunks in one transaction. */
    createPlan: (input: CreatePlanInput): Promise<{ planId: string }> =>
      run(() =>
        db().transaction(async (tx) => {
          const { draft } = input;
          const planId = input.planId ?? randomUUID();
          const inserted = await tx
            .insert(plans)
            .values({
              id: planId,
              name: input.name,
              destination: draft.destination,
              chunkSize: draft.chunkSize,
              rangeFrom: draft.range.from,
              rangeTo: draft.range.to,
              maxRetries: draft.maxRetries,
              state: "active",
              createdBy: input.createdBy.email,
              createdBySub: input.createdBy.sub,
            })
            .onConflictDoNothing({ target: plans.id })
            .returning({ id: plans.id });
          if (inserted.length === 0) return { planId };
          await tx.insert(planSources).values(
            draft.sources.map((source, index) => ({
              planId,
              index,
              s3Uri: source.s3Uri,
              bucketRegion: source.bucketRegion,
              roleArn: source.roleArn,
              organizationId: source.organization?.organizationId ?? null,
              accountIds: source.organization?.accountIds ?? null,
            })),
          );
          // Batches keep each statement under PostgreSQL's 65,535 parameters for five-year day plans.
          for (let i = 0; i < input.chunks.length; i += 1000) {
            await tx.insert(chunks).values(
              input.chunks.slice(i, i + 1000).map((chunk) => ({
                planId,
                sourceIndex: chunk.sourceIndex,
                accountId: chunk.accountId ?? null,
                index: chunk.index,
                key: chunk.key,
                s3Uri: chunk.s3Uri,
                bucketRegion: chunk.bucketRegion,
                roleArn: chunk.roleArn,
                start: chunk.start,
                end: chunk.end,
              })),
            );
          }
          return { planId };
        }),
      ),

    /** Newest first, keyset-paged on (created_at, id), with each plan's chunk counts per state. */
    listPlans: (request: {
      limit: number;
      cursor?: string;
    }): Promise<{ plans: PlanSummary[]; nextCursor?: string }> =>
      run(async () => {
        const after = decodeCursor(request.cursor);
        const rows = await db()
          .select()
          .from(plans)
          .where(
            after
              ? or(
                  lt(plans.createdAt, after.at),
                  and(eq(plans.createdAt, after.at), lt(plans.id, after.id)),
                )
              : undefined,
          )
          .orderBy(desc(plans.createdAt), desc(plans.id))
          .limit(request.limit + 1);
        const page = rows.slice(0, request.limit).map(parsePlan);
        const counts = new Map(page.map((plan) => [plan.id, emptyCounts()]));
        if (page.length > 0) {
          const grouped = await db()
            .select({ planId: chunks.planId, state: chunks.state, n: sql<number>`count(*)::int` })
            .from(chunks)
            .where(
              inArray(
                chunks.planId,
                page.map((plan) => plan.id),
              ),
            )
            .groupBy(chunks.planId, chunks.state);
          for (const row of grouped) {
            const state = chunkRowSchema.shape.state.parse(row.state);
            const entry = counts.get(row.planId);
            if (entry) entry[state] += Number(row.n);
          }
        }
        const last = page.at(-1);
        return {
          plans: page.map((plan) => ({
            ...plan,
            chunkCounts: counts.get(plan.id) ?? emptyCounts(),
          })),
          ...(rows.length > request.limit && last ? { nextCursor: encodeCursor(last) } : {}),
        };
      }),

    /** One plan with its sources and chunks (in work order), or null. */
    getPlan: (planId: string): Promise<PlanDetail | null> =>
      run(async () => {
        if (!z.uuid().safeParse(planId).success) return null;
        const [row] = await db().select().from(plans).where(eq(plans.id, planId));
        if (!row) return null;
        const [sources, chunkRows] = await Promise.all([
          db()
            .select()
            .from(planSources)
            .where(eq(planSources.planId, planId))
            .orderBy(planSources.index),
          db().select().from(chunks).where(eq(chunks.planId, planId)).orderBy(chunks.index),
        ]);
        return {
          plan: parsePlan(row),
          range: { from: row.rangeFrom, to: row.rangeTo },
          creator: { email: row.createdBy, sub: row.createdBySub },
          sources: sources.map((source) => ({
            index: source.index,
            s3Uri: source.s3Uri,
            bucketRegion: source.bucketRegion,
            roleArn: source.roleArn,
            ...(source.organizationId ? { organizationId: source.organizationId } : {}),
            ...(source.accountIds ? { accountIds: source.accountIds } : {}),
          })),
          chunks: chunkRows.map(parseChunk),
        };
      }),

    /** Moves the plan to `to` only while it is in one of `from`; false when someone else moved it first. */
    setPlanState: (planId: string, from: PlanState[], to: PlanState): Promise<boolean> =>
      run(async () => {
        const updated = await db()
          .update(plans)
          .set({ state: to, updatedAt: new Date() })
          .where(and(eq(plans.id, planId), inArray(plans.state, from)))
          .returning({ id: plans.id });
        return updated.length === 1;
      }),

    /** Applies a person's change (see the plan transitions) only while the chunk is in one of `from`. */
    setChunkState: (
      planId: string,
      chunkId: string,
      from: ChunkState[],
      patch: ChunkPatch,
    ): Promise<boolean> =>
      run(async () => {
        const updated = await db()
          .update(chunks)
          .set({
            state: patch.state,
            ...(patch.attempts === undefined ? {} : { attempts: patch.attempts }),
            ...(patch.nextAttemptAt === null ? { nextAttemptAt: null } : {}),
            ...(patch.lastError === null ? { lastError: null } : {}),
            ...(patch.state === "pending" ? { finishedAt: null, claimedAt: null } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(chunks.id, chunkId), eq(chunks.planId, planId), chunkStateIn(from)))
          .returning({ id: chunks.id });
        return updated.length === 1;
      }),

    /** Chunks of live plans into `destination` that have no import yet: the timeline's planned days. */
    chunksForCoverage: (destination: string): Promise<PlannedChunk[]> =>
      run(async () => {
        const rows = await db()
          .select({
            planId: chunks.planId,
            chunkId: chunks.id,
            start: chunks.start,
            end: chunks.end,
          })
          .from(chunks)
          .innerJoin(plans, eq(plans.id, chunks.planId))
          .where(
            and(
              eq(plans.destination, destination),
              inArray(plans.state, ["active", "paused"]),
              inArray(chunks.state, ["pending", "starting"]),
              isNull(chunks.importId),
            ),
          )
          .orderBy(chunks.start);
        return rows;
      }),
  };
}

export type PlanRepository = ReturnType<typeof planRepository>;

// The app's database; the pages' server actions call these.
export const createPlan = (input: CreatePlanInput) => planRepository().createPlan(input);
export const listPlans = (request: { limit: number; cursor?: string }) =>
  planRepository().listPlans(request);
export const getPlan = (planId: string) => planRepository().getPlan(planId);
export const setPlanState = (planId: string, from: PlanState[], to: PlanState) =>
  planRepository().setPlanState(planId, from, to);
export const setChunkState = (
  planId: string,
  chunkId: string,
  from: ChunkState[],
  patch: ChunkPatch,
) => planRepository().setChunkState(planId, chunkId, from, patch);
export const chunksForCoverage = (destination: string) =>
  planRepository().chunksForCoverage(destination);

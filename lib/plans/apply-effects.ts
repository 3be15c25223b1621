import "server-only";
// Steps 5 and 6 of the tick: each effect as a conditional update on the state the decision saw.
// An update that matches no row means another tick or a person got there first; it is skipped,
// and so are the notifications that depended on it.
import {
  type Caller,
  retryImport,
  startImport,
  stopImport,
  toCloudTrailFailure,
} from "@/lib/cloudtrail";
import type { activityLog } from "@/lib/db/activity";
import type { PlanRunnerStore, SeenChunk, TickPlan } from "@/lib/db/plan-runner";
import type { NotificationEvent } from "@/lib/notify/events";
import type { ChunkRow } from "@/lib/schemas/plan-rows";
import type { RunnerOptions } from "./chunk-step";
import { creatorCaller } from "./observe";
import type { RunnerEffect } from "./runner-effects";
import { decideStartError } from "./start-outcome";

/** Errors after which StartImport may still have reached CloudTrail: the claim stays for reconciliation. */
const AMBIGUOUS_START_CODES = new Set(["NetworkError", "InvalidResponse", "Unknown"]);

export interface ApplyContext {
  now: Date;
  plans: readonly TickPlan[];
  store: PlanRunnerStore;
  activity: ReturnType<typeof activityLog>;
  channels: readonly string[];
  random: () => number;
  options: Partial<RunnerOptions>;
}

export interface ApplyReport {
  applied: Record<string, number>;
  skipped: number;
  started: string[];
  problems: string[];
}

type Group = { effect: RunnerEffect; events: NotificationEvent[] };

/** Attaches each notification to the change it reports, so both commit together or neither. */
function groupEffects(effects: readonly RunnerEffect[]): Group[] {
  const groups: Group[] = [];
  for (const effect of effects) {
    const last = groups.at(-1);
    if (effect.type === "notify" && last && last.effect.type !== "notify") {
      const about = last.effect;
      const sameChunk = "chunkId" in about && about.chunkId === effect.event.chunkId;
      const samePlan = about.type === "finish-plan" && about.planId === effect.event.planId;
      if (sameChunk || samePlan) {
        last.events.push(effect.event);
        continue;
      }
    }
    groups.push({ effect, events: [] });
  }
  return groups;
}

export async function applyEffects(
  effects: readonly RunnerEffect[],
  ctx: ApplyContext,
): Promise<ApplyReport> {
  const report: ApplyReport = { applied: {}, skipped: 0, started: [], problems: [] };
  const chunks = new Map<string, { chunk: ChunkRow; plan: TickPlan }>();
  for (const plan of ctx.plans)
    for (const chunk of plan.chunks) chunks.set(chunk.id, { chunk, plan });
  const count = (type: string, ok: boolean) => {
    if (ok) report.applied[type] = (report.applied[type] ?? 0) + 1;
    else report.skipped += 1;
  };

  const applyOne = async (group: Group, seenOverride?: SeenChunk): Promise<void> => {
    const { effect, events } = group;
    const { now, store, channels } = ctx;
    if (effect.type === "notify") {
      await store.enqueue([effect.event], channels);
      return count(effect.type, true);
    }
    if (effect.type === "finish-plan") {
      return count(
        effect.type,
        await store.finishPlan(effect.planId, effect.outcome, now, events, channels),
      );
    }
    const found = chunks.get(effect.chunkId);
    if (!found) return count(effect.type, false);
    const seen = seenOverride ?? found.chunk;
    const update = (patch: Parameters<PlanRunnerStore["updateChunk"]>[1]) =>
      store.updateChunk(seen, patch, now, events, channels);
    switch (effect.type) {
      case "poll-import":
        // The next tick reads the import again; observe() already asks for failures of FAILED ones.
        return count(effect.type, true);
      case "adopt-import":
        return count(effect.type, await update({ state: "running", importId: effect.importId }));
      case "record-progress":
        return count(effect.type, await update({ statistics: effect.statistics }));
      case "complete-chunk":
        return count(
          effect.type,
          await update({
            state: "completed",
            finishedAt: now,
            lastError: null,
            ...(effect.statistics ? { statistics: effect.statistics } : {}),
          }),
        );
      case "fail-chunk":
        return count(
          effect.type,
          await update({ state: "failed", finishedAt: now, lastError: effect.reason }),
        );
      case "mark-stopped":
        return count(
          effect.type,
          await update({ state: "stopped", finishedAt: now, lastError: effect.reason }),
        );
      case "schedule-retry":
        return count(
          effect.type,
          await update({
            state: "pending",
            nextAttemptAt: effect.at,
            lastError: effect.reason,
            claimedAt: null,
            ...(effect.attempts === undefined ? {} : { attempts: effect.attempts }),
          }),
        );
      case "stop-import": {
        try {
          await stopImport(creatorCaller(found.plan.creator), effect.region, effect.importId);
          return count(effect.type, true);
        } catch (error) {
          report.problems.push(
            `StopImport ${effect.importId}: ${toCloudTrailFailure(error, "stopImport").message}`,
          );
          return count(effect.type, false);
        }
      }
      case "start-import":
        return start(effect, found, seen);
    }
  };

  const start = async (
    effect: Extract<RunnerEffect, { type: "start-import" }>,
    found: { chunk: ChunkRow; plan: TickPlan },
    seen: SeenChunk,
  ): Promise<void> => {
    const { now, store } = ctx;
    const claimed: SeenChunk = { id: seen.id, state: "starting", attempts: effect.attempt };
    // The claim commits before CloudTrail is called: a crash from here on leaves a "starting"
    // chunk that the next tick reconciles instead of starting again.
    const ok = await store.updateChunk(
      seen,
      { state: "starting", attempts: effect.attempt, claimedAt: now, nextAttemptAt: null },
      now,
    );
    if (!ok) return count(effect.type, false);
    const caller: Caller = creatorCaller(found.plan.creator);
    const { request } = effect;
    const logged = {
      actorEmail: found.plan.creator.email,
      actorRole: "operator",
      action: request.kind === "new" ? "plan-start" : "plan-retry",
      storeArn: found.plan.plan.destination,
      region: effect.region,
      s3Uri: found.chunk.s3Uri,
      roleArn: found.chunk.roleArn,
      timeRange: { start: found.chunk.start.toISOString(), end: found.chunk.end.toISOString() },
      requestId: `plan:${found.plan.plan.id}`,
    };
    try {
      const details =
        request.kind === "new"
          ? await startImport(caller, {
              destination: request.destination,
              s3Uri: request.s3Uri,
              bucketRegion: request.bucketRegion,
              roleArn: request.roleArn,
              startTime: request.startEventTime,
              endTime: request.endEventTime,
            })
          : await retryImport(caller, effect.region, request.importId);
      report.started.push(details.importId);
      await ctx.activity.append({ ...logged, outcome: "ok", importId: details.importId });
      await store.updateChunk(
        claimed,
        { state: "running", importId: details.importId, lastError: null },
        now,
      );
      return count(effect.type, true);
    } catch (error) {
      const failure = toCloudTrailFailure(error, "startImport");
      await ctx.activity.append({
        ...logged,
        outcome: "failed",
        errorCode: failure.code,
        errorMessage: failure.message,
        ...(failure.requestId ? { awsRequestId: failure.requestId } : {}),
        ...(request.kind === "retry" ? { importId: request.importId } : {}),
      });
      report.problems.push(`StartImport for chunk ${seen.id}: ${failure.message}`);
      if (AMBIGUOUS_START_CODES.has(failure.code)) return count(effect.type, false);
      const next = decideStartError({
        plan: found.plan.plan,
        chunk: { ...found.chunk, state: "starting", attempts: effect.attempt, claimedAt: now },
        code: failure.code,
        message: failure.message,
        now,
        random: ctx.random,
        options: ctx.options,
      });
      for (const group of groupEffects(next)) await applyOne(group, claimed);
      return count(effect.type, false);
    }
  };

  for (const group of groupEffects(effects)) {
    try {
      await applyOne(group);
    } catch (error) {
      // One chunk's database error must not stop the others; the next tick sees what committed.
      report.problems.push(
        `${group.effect.type}: ${error instanceof Error ? error.message : String(error)}`,
      );
      report.skipped += 1;
    }
  }
  return report;
}

// One chunk's part of a tick: what its import's latest observation means for it. Starting new
// work is decided afterwards, per scope, in runner-decision.
import { backoffDelay } from "@/lib/backoff";
import type { NotificationEvent } from "@/lib/notify/events";
import type { ChunkRow, ChunkState, ChunkStatistics, PlanRow } from "@/lib/schemas/plan-rows";
import { classifyImportFailure } from "./failure-class";
import type { ObservedImport } from "./observed-import";
import { CLAIM_CLOCK_SKEW_MS, matchClaimedImports } from "./reconcile";
import type { RunnerEffect } from "./runner-effects";

export interface RunnerOptions {
  scope: "account" | "region";
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * How long a claim may stay without an import id before the start is taken as never having
   * reached CloudTrail. Longer than a StartImport call plus the time ListImports takes to show it.
   */
  claimGraceMs: number;
  /** Also notify on every completed import, not only on problems and plan ends. */
  notifyEachImport: boolean;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  scope: "account",
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 60 * 60_000,
  claimGraceMs: 10 * 60_000,
  notifyEachImport: false,
};

export interface StepContext {
  plan: PlanRow;
  now: Date;
  imports: ReadonlyMap<string, ObservedImport>;
  allImports: readonly ObservedImport[];
  /** Import ids already recorded on some chunk; a crashed start can't have created those. */
  takenImportIds: ReadonlySet<string>;
  region: string;
  random: () => number;
  options: RunnerOptions;
}

export interface StepResult {
  effects: RunnerEffect[];
  /** The chunk's state once the effects are applied. */
  state: ChunkState;
  /** Whether the chunk may have an import running, which blocks starts in its scope. */
  occupiesScope: boolean;
}

const at = (state: ChunkState, occupiesScope = false, effects: RunnerEffect[] = []) => ({
  effects,
  state,
  occupiesScope,
});

function sameStatistics(a: ChunkStatistics | undefined, b: ChunkStatistics | undefined): boolean {
  const keys = [
    "prefixesFound",
    "prefixesCompleted",
    "filesCompleted",
    "eventsCompleted",
    "failedEntries",
  ] as const;
  return keys.every((key) => a?.[key] === b?.[key]);
}

/** A notification about this chunk; its id is fixed by chunk and attempt, so re-deriving it is harmless. */
export function chunkEvent(
  kind: NotificationEvent["kind"],
  chunk: ChunkRow,
  ctx: StepContext,
  extra: Partial<NotificationEvent> = {},
): RunnerEffect {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    type: "notify",
    event: {
      kind,
      id: `${kind}:${chunk.id}:${chunk.attempts}`,
      occurredAt: ctx.now.toISOString(),
      planId: ctx.plan.id,
      ...(ctx.plan.name ? { planName: ctx.plan.name } : {}),
      destination: ctx.plan.destination,
      chunkId: chunk.id,
      chunkLabel: `${chunk.s3Uri} ${day(chunk.start)} to ${day(chunk.end)}`,
      ...(chunk.importId ? { importId: chunk.importId } : {}),
      ...extra,
    },
  };
}

/** Retry later when the budget allows, otherwise leave the chunk failed and tell a person. */
export function retryOrFail(
  chunk: ChunkRow,
  ctx: StepContext,
  reason: string,
  transient: boolean,
): StepResult {
  const ids = { planId: ctx.plan.id, chunkId: chunk.id };
  if (transient && chunk.attempts <= ctx.plan.maxRetries) {
    const delay = backoffDelay(Math.max(1, chunk.attempts), {
      baseMs: ctx.options.retryBaseMs,
      maxMs: ctx.options.retryMaxMs,
      random: ctx.random,
    });
    const when = new Date(ctx.now.getTime() + delay);
    return at("pending", false, [{ type: "schedule-retry", ...ids, at: when, reason }]);
  }
  const final = transient ? `${reason} Gave up after ${chunk.attempts} attempts.` : reason;
  return at("failed", false, [
    { type: "fail-chunk", ...ids, reason: final },
    chunkEvent("import-failed", chunk, ctx, { reason: final }),
  ]);
}

function observeRunning(chunk: ChunkRow, ctx: StepContext): StepResult {
  const ids = { planId: ctx.plan.id, chunkId: chunk.id };
  const importId = chunk.importId;
  if (!importId)
    return retryOrFail(chunk, ctx, "The chunk was running without an import id.", true);
  const seen = ctx.imports.get(importId);
  const poll = (withFailures: boolean): RunnerEffect => ({
    type: "poll-import",
    ...ids,
    importId,
    region: ctx.region,
    withFailures,
  });
  if (!seen) return at("running", true, [poll(false)]);
  switch (seen.status) {
    case "COMPLETED": {
      const effects: RunnerEffect[] = [
        {
          type: "complete-chunk",
          ...ids,
          importId,
          ...(seen.statistics ? { statistics: seen.statistics } : {}),
        },
      ];
      if (ctx.options.notifyEachImport) {
        const events = seen.statistics?.eventsCompleted;
        effects.push(
          chunkEvent(
            "import-completed",
            chunk,
            ctx,
            events === undefined ? {} : { eventsCompleted: events },
          ),
        );
      }
      return at("completed", false, effects);
    }
    case "FAILED": {
      if (!seen.failureTypes) return at("running", false, [poll(true)]);
      const verdict = classifyImportFailure(seen.failureTypes);
      return retryOrFail(chunk, ctx, verdict.reason, verdict.transient);
    }
    case "STOPPED": {
      const reason = "Someone stopped the import. Re-run the chunk to continue it.";
      const effects: RunnerEffect[] = [{ type: "mark-stopped", ...ids, reason }];
      if (ctx.plan.state !== "cancelled")
        effects.push(chunkEvent("import-stopped", chunk, ctx, { reason }));
      return at("stopped", false, effects);
    }
    default: {
      const effects: RunnerEffect[] = [];
      if (seen.statistics && !sameStatistics(seen.statistics, chunk.statistics)) {
        effects.push({ type: "record-progress", ...ids, statistics: seen.statistics });
      }
      if (ctx.plan.state === "cancelled" && seen.status !== "UNKNOWN") {
        effects.push({ type: "stop-import", ...ids, importId, region: ctx.region });
      }
      return at("running", true, effects);
    }
  }
}

/** A claim without a recorded outcome: adopt the import it created, wait, or give the claim up. */
function reconcileStarting(chunk: ChunkRow, ctx: StepContext): StepResult {
  const ids = { planId: ctx.plan.id, chunkId: chunk.id };
  const claimedAt = chunk.claimedAt ?? new Date(0);
  const expired = ctx.now.getTime() - claimedAt.getTime() > ctx.options.claimGraceMs;
  const giveUp = "The start was interrupted before CloudTrail created an import.";
  if (chunk.importId) {
    // A retry of a known import: it went ahead if CloudTrail touched the import after the claim.
    const seen = ctx.imports.get(chunk.importId);
    const touched =
      seen?.updatedAt && Date.parse(seen.updatedAt) >= claimedAt.getTime() - CLAIM_CLOCK_SKEW_MS;
    if (seen && (touched || seen.status === "INITIALIZING" || seen.status === "IN_PROGRESS")) {
      return at("running", true, [{ type: "adopt-import", ...ids, importId: chunk.importId }]);
    }
    if (!expired) return at("starting", true);
    return retryOrFail(chunk, ctx, giveUp, true);
  }
  const [first, ...others] = matchClaimedImports(
    { ...chunk, claimedAt },
    ctx.plan.destination,
    ctx.allImports,
    ctx.takenImportIds,
  );
  if (first) {
    const effects: RunnerEffect[] = [{ type: "adopt-import", ...ids, importId: first.importId }];
    if (others.length > 0) {
      const extra = others.map((item) => item.importId).join(", ");
      effects.push(
        chunkEvent("needs-attention", chunk, ctx, {
          id: `needs-attention:duplicate:${chunk.id}:${extra}`,
          importId: first.importId,
          reason: `More than one import reads this chunk (${first.importId}, ${extra}). Stop the extra ones to avoid duplicate events.`,
        }),
      );
    }
    return at("running", true, effects);
  }
  if (!expired) return at("starting", true);
  return retryOrFail(chunk, ctx, giveUp, true);
}

/** What this tick does with a chunk that isn't waiting to start. */
export function stepChunk(chunk: ChunkRow, ctx: StepContext): StepResult {
  switch (chunk.state) {
    case "running":
      return observeRunning(chunk, ctx);
    case "starting":
      return reconcileStarting(chunk, ctx);
    case "held":
      return at("held", false, [
        chunkEvent("needs-attention", chunk, ctx, {
          id: `needs-attention:held:${chunk.id}`,
          reason:
            "This chunk has a state this version of Trail Imports doesn't know. Skip it or re-run it.",
        }),
      ]);
    default:
      return at(chunk.state);
  }
}

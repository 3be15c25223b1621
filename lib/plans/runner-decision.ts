// The pure heart of advancePlans(): from the plans' rows and what CloudTrail reports, the list of
// things to do now. It reads no clock and no randomness of its own (both are inputs), so two
// ticks over the same state ask for the same effects, and a tick after a crash at any point sees
// only recorded state and carries on from there.
import type { ChunkRow, ChunkState, PlanSnapshot } from "@/lib/schemas/plan-rows";
import {
  DEFAULT_RUNNER_OPTIONS,
  type RunnerOptions,
  type StepContext,
  stepChunk,
} from "./chunk-step";
import type { ObservedImport } from "./observed-import";
import type { RunnerEffect } from "./runner-effects";
import { busyScopes, regionOf, scopeOf } from "./runner-scope";

export { DEFAULT_RUNNER_OPTIONS, type RunnerOptions } from "./chunk-step";
export type { PlanSnapshot };

export interface TickInput {
  now: Date;
  plans: readonly PlanSnapshot[];
  /**
   * Every import the executor read before the tick: ListImports' non-terminal imports of each
   * scope (the app's or not, with details for reconciliation) and GetImport of running chunks.
   */
  imports: readonly ObservedImport[];
  /** Scope keys (see scopeOf) whose ListImports succeeded; nothing starts in any other scope. */
  listedScopes: readonly string[];
  random: () => number;
  options?: Partial<RunnerOptions>;
}

const FINISHED: ReadonlySet<ChunkState> = new Set(["completed", "failed", "stopped", "skipped"]);

function byAge(a: PlanSnapshot, b: PlanSnapshot): number {
  return (
    a.plan.createdAt.getTime() - b.plan.createdAt.getTime() || a.plan.id.localeCompare(b.plan.id)
  );
}

interface Candidate {
  snapshot: PlanSnapshot;
  chunk: ChunkRow;
  region: string;
}

/** Counts per finished state and the plan's outcome, once every chunk is finished. */
function planOutcome(states: readonly ChunkState[]) {
  const count = (state: ChunkState) => states.filter((s) => s === state).length;
  const counts = {
    completed: count("completed"),
    failed: count("failed"),
    stopped: count("stopped"),
    skipped: count("skipped"),
    total: states.length,
  };
  const done = states.every((state) => FINISHED.has(state));
  return {
    done,
    counts,
    outcome: counts.failed + counts.stopped > 0 ? ("failed" as const) : ("completed" as const),
  };
}

/**
 * Decides one tick. Guarantees, whatever the input: at most one start per scope and none in a
 * scope where any import may be running or any chunk is starting or running; no start for a
 * chunk that isn't pending, whose retry time hasn't come, or whose plan isn't active; starts go
 * to the oldest plan's lowest-index chunk first.
 */
export function decideTick(input: TickInput): RunnerEffect[] {
  const options = { ...DEFAULT_RUNNER_OPTIONS, ...input.options };
  const importsById = new Map(input.imports.map((item) => [item.importId, item]));
  const taken = new Set<string>();
  for (const { chunks } of input.plans)
    for (const chunk of chunks) if (chunk.importId) taken.add(chunk.importId);

  const busy = busyScopes(input.imports, options.scope);
  const listed = new Set(input.listedScopes);
  const effects: RunnerEffect[] = [];
  const candidates = new Map<string, Candidate>();

  for (const snapshot of [...input.plans].sort(byAge)) {
    const { plan } = snapshot;
    const scope = scopeOf(plan.destination, options.scope);
    const region = regionOf(plan.destination);
    if (scope === null || region === null) continue;
    if (plan.state === "completed" || plan.state === "failed") continue;
    const ctx: StepContext = {
      plan,
      now: input.now,
      imports: importsById,
      allImports: input.imports,
      takenImportIds: taken,
      region,
      random: input.random,
      options,
    };
    const states: ChunkState[] = [];
    for (const chunk of [...snapshot.chunks].sort((a, b) => a.index - b.index)) {
      const step = stepChunk(chunk, ctx);
      effects.push(...step.effects);
      states.push(step.state);
      if (step.occupiesScope) busy.add(scope);
      const due = !chunk.nextAttemptAt || chunk.nextAttemptAt.getTime() <= input.now.getTime();
      if (chunk.state === "pending" && due && plan.state === "active" && !candidates.has(scope)) {
        candidates.set(scope, { snapshot, chunk, region });
      }
    }
    const result = planOutcome(states);
    if (result.done && (plan.state === "active" || plan.state === "paused")) {
      effects.push({ type: "finish-plan", planId: plan.id, outcome: result.outcome });
      effects.push({
        type: "notify",
        event: {
          kind: result.outcome === "completed" ? "plan-completed" : "plan-failed",
          id: `plan-${result.outcome}:${plan.id}`,
          occurredAt: input.now.toISOString(),
          planId: plan.id,
          ...(plan.name ? { planName: plan.name } : {}),
          destination: plan.destination,
          counts: result.counts,
        },
      });
    }
  }

  for (const [scope, { snapshot, chunk, region }] of candidates) {
    if (busy.has(scope) || busy.has("*") || !listed.has(scope)) continue;
    const { plan } = snapshot;
    effects.push({
      type: "start-import",
      planId: plan.id,
      chunkId: chunk.id,
      attempt: chunk.attempts + 1,
      region,
      sourceIdentity: plan.createdBy,
      request: chunk.importId
        ? { kind: "retry", importId: chunk.importId }
        : {
            kind: "new",
            destination: plan.destination,
            s3Uri: chunk.s3Uri,
            bucketRegion: chunk.bucketRegion,
            roleArn: chunk.roleArn,
            startEventTime: chunk.start,
            endEventTime: chunk.end,
          },
    });
  }
  return effects;
}

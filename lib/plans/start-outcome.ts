// What a failed StartImport call means for its chunk. The executor calls this instead of deciding
// itself, so the retry budget and backoff have one home.
import { isTransientStartError } from "./failure-class";
import { DEFAULT_RUNNER_OPTIONS, type RunnerOptions, retryOrFail } from "./chunk-step";
import type { PlanRow, ChunkRow } from "@/lib/schemas/plan-rows";
import type { RunnerEffect } from "./runner-effects";
import { regionOf } from "./runner-scope";

export interface StartErrorInput {
  plan: PlanRow;
  /** The chunk as claimed: `attempts` already counts the failed call. */
  chunk: ChunkRow;
  /** The app's CloudTrail error code for what StartImport threw. */
  code: string;
  /** The app's sentence for it (never AWS's own text). */
  message: string;
  now: Date;
  random: () => number;
  options?: Partial<RunnerOptions>;
}

/**
 * Effects after StartImport failed. Another import running in the account (one started outside
 * the app between listing and starting) is not the chunk's fault: it waits one base interval and
 * the attempt is not counted. Other transient errors use the retry budget; the rest fail the chunk.
 */
export function decideStartError(input: StartErrorInput): RunnerEffect[] {
  const options = { ...DEFAULT_RUNNER_OPTIONS, ...input.options };
  const { plan, chunk, now } = input;
  if (input.code === "AccountHasOngoingImportException") {
    return [
      {
        type: "schedule-retry",
        planId: plan.id,
        chunkId: chunk.id,
        at: new Date(now.getTime() + options.retryBaseMs),
        reason: input.message,
        attempts: Math.max(0, chunk.attempts - 1),
      },
    ];
  }
  return retryOrFail(
    chunk,
    {
      plan,
      now,
      imports: new Map(),
      allImports: [],
      takenImportIds: new Set(),
      region: regionOf(plan.destination) ?? "",
      random: input.random,
      options,
    },
    input.message,
    isTransientStartError(input.code),
  ).effects;
}

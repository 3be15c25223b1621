// Plan and chunk rows as read back from the database. Rows may have been written by an older or
// newer version of the app, so an enum value this version doesn't know becomes a state in which
// the runner does nothing on its own (a paused plan, a held chunk) instead of an exception that
// would stop every other plan's tick.
import { z } from "zod";
import { eventDataStoreArnSchema } from "./import";
import { CHUNK_SIZES, DEFAULT_MAX_RETRIES } from "./plan";

/**
 * active: the runner works on it. paused: nothing new starts; running imports finish.
 * cancelled: nothing new starts, ever. completed / failed: every chunk is done, the latter with
 * at least one chunk left failed or stopped.
 */
export const PLAN_STATES = ["active", "paused", "cancelled", "completed", "failed"] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/**
 * pending: waiting to start (at `nextAttemptAt` if set). starting: claimed, StartImport may or may
 * not have reached CloudTrail. running: has an import id. completed / failed / stopped / skipped:
 * done (stopped means someone stopped the import; it is not retried on its own). held: unknown
 * state read from the database; the runner leaves it alone until a person re-runs or skips it.
 */
export const CHUNK_STATES = [
  "pending",
  "starting",
  "running",
  "completed",
  "failed",
  "stopped",
  "skipped",
  "held",
] as const;
export type ChunkState = (typeof CHUNK_STATES)[number];

/** An enum that maps values it doesn't list to `fallback` instead of failing the parse. */
function lenientEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
) {
  return z
    .string()
    .transform((value): T[number] =>
      (values as readonly string[]).includes(value) ? (value as T[number]) : fallback,
    );
}

// Drivers return Date objects or, in string mode, PostgreSQL's "2026-01-01 00:00:00+00" text.
const instant = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: `Not a timestamp: ${String(value)}` });
    return z.NEVER;
  }
  return date;
});
const optionalInstant = instant.nullish().transform((value) => value ?? undefined);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const count = z.coerce.number().int().min(0);

export const planRowSchema = z.object({
  id: z.uuid(),
  name: optionalText,
  destination: eventDataStoreArnSchema,
  chunkSize: lenientEnum(CHUNK_SIZES, "whole"),
  state: lenientEnum(PLAN_STATES, "paused"),
  maxRetries: count.default(DEFAULT_MAX_RETRIES),
  /** Email of the person who created the plan; imports started for it are on their behalf. */
  createdBy: z.string().min(1),
  createdAt: instant,
  updatedAt: optionalInstant,
});

export const chunkStatisticsSchema = z.object({
  prefixesFound: count.optional(),
  prefixesCompleted: count.optional(),
  filesCompleted: count.optional(),
  eventsCompleted: count.optional(),
  failedEntries: count.optional(),
});

export const chunkRowSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  /** Deterministic key of plan, prefix and range: the database keeps it unique. */
  key: z.string().min(1),
  index: count,
  s3Uri: z.string().min(1),
  bucketRegion: z.string().min(1),
  roleArn: z.string().min(1),
  /** First instant of the chunk (UTC midnight) and its last second, both inclusive as CloudTrail reads them. */
  start: instant,
  end: instant,
  state: lenientEnum(CHUNK_STATES, "held"),
  /** StartImport calls made for this chunk (the first start and every retry of its import). */
  attempts: count.default(0),
  importId: optionalText,
  /** When the current claim was recorded ("starting"), to tell a crashed start from a slow one. */
  claimedAt: optionalInstant,
  nextAttemptAt: optionalInstant,
  lastError: optionalText,
  statistics: chunkStatisticsSchema.nullish().transform((value) => value ?? undefined),
  finishedAt: optionalInstant,
});

export type PlanRow = z.output<typeof planRowSchema>;
export type ChunkRow = z.output<typeof chunkRowSchema>;
export type ChunkStatistics = z.output<typeof chunkStatisticsSchema>;

// Shapes shared by the plan modules and the database layer, kept here so lib/db depends on schemas only.

/** A chunk as the plan-creating action inserts it (state pending, no attempts yet). */
export interface NewChunk {
  key: string;
  /** Order of work: windows oldest first, then sources and accounts in the order given. */
  index: number;
  sourceIndex: number;
  accountId?: string;
  s3Uri: string;
  bucketRegion: string;
  roleArn: string;
  start: Date;
  end: Date;
  days: number;
}

export interface ChunkPatch {
  state: ChunkState;
  attempts?: number;
  nextAttemptAt?: null;
  lastError?: null;
}

export interface PlanSnapshot {
  plan: PlanRow;
  chunks: ChunkRow[];
}

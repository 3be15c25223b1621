import "server-only";
import { z } from "zod";
import { COMMON_ERROR_CODES, MODELED_ERROR_CODES } from "@/lib/cloudtrail/error-messages";
import type { Database } from "@/lib/db/client";
import { lockStore } from "@/lib/db/locks";
import { submissionReplayStore } from "@/lib/db/submission-replays";
import type { StartGuardStore } from "@/lib/imports/start-guard";
import { importActionInputSchema, importFields } from "@/lib/schemas/import";
import { ACTION_ERROR_CODES, type AwsActionResult, type ImportRef } from "./types";

// Replays are namespaced per action in the shared table; leases likewise in the locks table.
const REPLAY_SCOPE = "start-import";
const LEASE_PREFIX = "start-import:";

const importRefSchema = z.object({ importId: z.string(), region: z.string() });

/** A start result as stored for replays: read back from the database, so parsed, never trusted. */
export const storedStartResultSchema: z.ZodType<AwsActionResult<ImportRef>> = z.union([
  z.object({ ok: z.literal(true), data: importRefSchema, message: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    code: z.enum(ACTION_ERROR_CODES),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    detail: z
      .object({
        awsCode: z.enum([...MODELED_ERROR_CODES, ...COMMON_ERROR_CODES]),
        field: z.union([importFields.keyof(), importActionInputSchema.keyof()]).optional(),
        retryable: z.boolean(),
        ongoingImport: importRefSchema.optional(),
        requestId: z.string().optional(),
      })
      .optional(),
  }),
]);

/**
 * The start guard's memory in the database, shared by every replica: a replayed submission finds the first
 * result whichever replica served it, and the per-account lease holds across replicas. Any database error
 * propagates, so a guard that cannot check refuses instead of starting blind.
 */
export function databaseStartGuardStore<R>(
  schema: z.ZodType<R>,
  database?: Database,
): StartGuardStore<R> {
  const replays = submissionReplayStore(database);
  const leases = lockStore(database);
  return {
    claim: (key, owner, ttlMs) => leases.claim(`${LEASE_PREFIX}${key}`, owner, ttlMs),
    release: async (key, owner) => {
      await leases.release(`${LEASE_PREFIX}${key}`, owner);
    },
    remember: async (submission, result, ttlMs) => {
      await replays.remember(REPLAY_SCOPE, submission, result, ttlMs);
    },
    recall: async (submission) => {
      const stored = await replays.recall(REPLAY_SCOPE, submission);
      if (stored === undefined) return undefined;
      const parsed = schema.safeParse(stored);
      // A row this version cannot read (written by another version) is treated as no replay.
      return parsed.success ? parsed.data : undefined;
    },
  };
}

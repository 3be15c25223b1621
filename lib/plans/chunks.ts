// The chunk list of a new plan: one import per window per S3 prefix, each with a key derived only
// from what it imports, so creating the same plan twice (a double submit, a retried request)
// yields the same keys and the database's unique index refuses the copies.
import { createHash } from "node:crypto";
import { type PlanDraft, sourcePrefixes } from "@/lib/schemas/plan";
import type { NewChunk } from "@/lib/schemas/plan-rows";
import { splitRange } from "./ranges";

export type { NewChunk };

/**
 * SHA-256 (hex) of plan id, destination, prefix and window. Fields are joined with a newline,
 * which none of them can contain, so two different chunks can't produce the same input.
 */
export function chunkKey(parts: {
  planId: string;
  destination: string;
  s3Uri: string;
  start: Date;
  end: Date;
}): string {
  const input = [
    parts.planId,
    parts.destination,
    parts.s3Uri,
    parts.start.toISOString(),
    parts.end.toISOString(),
  ].join("\n");
  return createHash("sha256").update(input).digest("hex");
}

/**
 * Every chunk of `draft`, oldest window first so coverage grows from one end and a paused plan
 * leaves one gap rather than many.
 */
export function buildChunks(planId: string, draft: PlanDraft): NewChunk[] {
  const prefixes = draft.sources.flatMap((source, sourceIndex) =>
    sourcePrefixes(source).map((prefix) => ({ ...prefix, source, sourceIndex })),
  );
  const chunks: NewChunk[] = [];
  for (const window of splitRange(draft.range, draft.chunkSize)) {
    for (const prefix of prefixes) {
      chunks.push({
        key: chunkKey({ planId, destination: draft.destination, s3Uri: prefix.s3Uri, ...window }),
        index: chunks.length,
        sourceIndex: prefix.sourceIndex,
        ...(prefix.accountId === undefined ? {} : { accountId: prefix.accountId }),
        s3Uri: prefix.s3Uri,
        bucketRegion: prefix.source.bucketRegion,
        roleArn: prefix.source.roleArn,
        ...window,
      });
    }
  }
  return chunks;
}

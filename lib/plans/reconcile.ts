// Finding the import a crashed start may have created. The runner records a chunk as "starting"
// (with `claimedAt`) before it calls StartImport and records the import id after. A crash between
// the two leaves a claim without an id; StartImport has no client token, so the only way to know
// whether the call reached CloudTrail is to look for an import that reads exactly this chunk.
import { normalizeS3Uri } from "@/lib/schemas/plan";
import type { ObservedImport } from "./observed-import";

/** Clock difference tolerated between this server and CloudTrail's CreatedTimestamp. */
export const CLAIM_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface ClaimedChunk {
  s3Uri: string;
  bucketRegion: string;
  start: Date;
  end: Date;
  claimedAt: Date;
}

// CloudTrail carries times as epoch seconds, so compare whole seconds.
function sameSecond(iso: string | undefined, date: Date): boolean {
  if (!iso) return false;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && Math.floor(ms / 1000) === Math.floor(date.getTime() / 1000);
}

/**
 * Imports that can only have come from this chunk's claim: same destination, same S3 prefix and
 * bucket Region, same start and end second, created no earlier than the claim (less clock skew),
 * and not already recorded on another chunk (`takenImportIds`). Oldest first: when a repeated
 * crash left two, the first is adopted and the other reported.
 */
export function matchClaimedImports(
  chunk: ClaimedChunk,
  destination: string,
  imports: readonly ObservedImport[],
  takenImportIds: ReadonlySet<string>,
): ObservedImport[] {
  const prefix = normalizeS3Uri(chunk.s3Uri);
  const earliest = chunk.claimedAt.getTime() - CLAIM_CLOCK_SKEW_MS;
  return imports
    .filter(
      (item) =>
        !takenImportIds.has(item.importId) &&
        item.destinations.includes(destination) &&
        item.source?.s3Uri !== undefined &&
        normalizeS3Uri(item.source.s3Uri) === prefix &&
        (item.source.bucketRegion === undefined ||
          item.source.bucketRegion === chunk.bucketRegion) &&
        sameSecond(item.startEventTime, chunk.start) &&
        sameSecond(item.endEventTime, chunk.end) &&
        // ListImports always carries CreatedTimestamp; without it, matching is the safer mistake.
        (item.createdAt === undefined || Date.parse(item.createdAt) >= earliest),
    )
    .sort(
      (a, b) =>
        (a.createdAt ?? "").localeCompare(b.createdAt ?? "") ||
        a.importId.localeCompare(b.importId),
    );
}

import "server-only";
import { createSharedCache, processWide } from "./cache";
import { toCloudTrailFailure } from "./errors";
import { getImport } from "./imports";
import { configuredRegions } from "./regions";
import type { Caller } from "./types";

// An import never moves, so a found Region is kept for an hour; "not found" is not cached
// because the import may simply be younger than the last look. Keys: see cache.ts.
const regionCache = processWide("import-regions", () =>
  createSharedCache<string | null>({ maxEntries: 5000, ttlMs: 60 * 60_000 }),
);

/**
 * The configured Region that holds `importId`, or `null` when none does. An import id carries
 * no Region, so this asks GetImport in every configured Region at once (and leaves the found
 * import in getImport's cache). If no Region has it and some Region failed for another reason
 * (access denied, throttling), that failure is thrown rather than reporting "not found".
 */
export function findImportRegion(caller: Caller, importId: string): Promise<string | null> {
  return regionCache.getOrLoad(
    importId,
    async () => {
      const regions = configuredRegions();
      const results = await Promise.allSettled(
        regions.map((region) => getImport(caller, region, importId)),
      );
      let firstProblem: unknown;
      for (const [index, result] of results.entries()) {
        if (result.status === "fulfilled") return regions[index] ?? null;
        if (
          firstProblem === undefined &&
          toCloudTrailFailure(result.reason).code !== "ImportNotFoundException"
        ) {
          firstProblem = result.reason;
        }
      }
      if (firstProblem !== undefined) throw firstProblem;
      return null;
    },
    (region) => (region ? 60 * 60_000 : 0),
  );
}

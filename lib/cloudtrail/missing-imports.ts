import "server-only";
import { createLruCache, processWide } from "./cache";
import { toCloudTrailFailure } from "./errors";

// "No such import" is remembered briefly, so a loop over one made-up id costs one GetImport per Region
// per window instead of one per request. Short, because an id the app has just been given (a new import)
// must show up quickly; ids are AWS-made UUIDs, so one that was missing seconds ago rarely appears.
const NOT_FOUND_TTL_MS = 30_000;

const missing = processWide("missing-imports", () =>
  createLruCache<unknown>({ maxEntries: 5000, ttlMs: NOT_FOUND_TTL_MS }),
);

/** Runs `load` unless `key` was recently not found (then throws that same error again). */
export async function rememberingMissing<T>(key: string, load: () => Promise<T>): Promise<T> {
  const known = missing.get(key);
  if (known !== undefined) throw known;
  try {
    return await load();
  } catch (error) {
    if (toCloudTrailFailure(error).code === "ImportNotFoundException") missing.set(key, error);
    throw error;
  }
}

/** Forgets that `key` was missing (the app itself just created or changed it). */
export function forgetMissing(key: string): void {
  missing.delete(key);
}

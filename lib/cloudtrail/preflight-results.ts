import "server-only";
import type { PreflightResult } from "@/lib/schemas/preflight";
import { createSharedCache, processWide } from "./cache";

/** How long a result is served again: long enough for Back and Next, short enough to see a fix. */
export const PREFLIGHT_CACHE_MS = 60_000;

/** Preflight results per person and query (preflight/run.ts). */
export const preflightResults = processWide("preflight-results", () =>
  createSharedCache<PreflightResult>({ maxEntries: 500, ttlMs: PREFLIGHT_CACHE_MS }),
);

/**
 * Drops every cached preflight: an import started, stopped or retried through the app changes
 * what the "No other import running" and overlap checks would say.
 */
export function forgetPreflights(): void {
  preflightResults.invalidateWhere(() => true);
}

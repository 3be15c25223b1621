// POST /_admin/restart {"downMs": 2000}: a simulated `kill -9` and restart of the Lake inside the
// running process (the e2e world runs the Lake and the IdP in one process, so the real thing would
// take the IdP down too). What it does, in order:
//   1. drops the pending debounced state write (state changed since the last write is lost,
//      exactly as with kill -9; a write already running still lands, as if the kill came just
//      after its rename), and no later write happens;
//   2. closes the listener and destroys every open connection (in-flight calls get a reset);
//   3. stops the import engine (batches being read are thrown away, nothing is counted);
//   4. keeps the port closed for downMs: connections are refused;
//   5. loads the world from disk exactly as a fresh start does (loadWorld) and resumes every
//      unfinished import from its persisted cursor, then listens on the same port again.
// With {"reset": true}, step 5 wipes and seeds the world first, as `npm run local -- --reset`
// does: every import, file change and issued STS session is gone, so credentials a client still
// holds are refused as unknown (what an app sees when the world is reset under it).
// What it does not simulate: the process's memory outside the Lake's world survives, i.e. the
// admin knobs (faults, pace, call log) keep their values, as a test would want; a real restart
// would reset them to the command line's.
import type { LakeDeps } from "../http/deps.ts";

/** Longest allowed downtime; a test asking for more is almost certainly a mistake. */
export const MAX_DOWN_MS = 60_000;

export type Restart = (downMs: number, options?: { reset?: boolean }) => Promise<void>;

// Keyed by the running Lake's deps, so the admin routes need no new field in LakeDeps.
const restarters = new WeakMap<LakeDeps, Restart>();

/** Lets POST /_admin/restart restart the Lake that owns `deps`. */
export function registerRestart(deps: LakeDeps, restart: Restart): void {
  restarters.set(deps, restart);
}

/** The restart function of the Lake that owns `deps`, if it has one. */
export function restarterOf(deps: LakeDeps): Restart | undefined {
  return restarters.get(deps);
}

/** Validates `downMs` from a request body (default 2000); null when invalid. */
export function parseDownMs(value: unknown): number | null {
  if (value === undefined) return 2_000;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_DOWN_MS)
    return null;
  return value;
}

/** Validates `reset` from a request body (default false); null when invalid. */
export function parseReset(value: unknown): boolean | null {
  if (value === undefined) return false;
  return typeof value === "boolean" ? value : null;
}

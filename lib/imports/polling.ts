// How often the UI re-reads a running import. Pure, shared by server and client code.

/** Base polling interval while an import runs; the server cache absorbs the extra reads. */
export const POLL_BASE_MS = 2_000;
/** Longest wait between polls when the server keeps failing or throttling. */
export const POLL_MAX_MS = 30_000;

/**
 * How long to wait before the next poll: `false` once nothing is running, the base interval
 * while healthy, and doubling per consecutive failure (throttling included) up to the cap.
 */
export function nextPollDelay(options: {
  running: boolean;
  consecutiveFailures: number;
}): number | false {
  if (!options.running) return false;
  const failures = Math.max(0, Math.min(options.consecutiveFailures, 10));
  return Math.min(POLL_BASE_MS * 2 ** failures, POLL_MAX_MS);
}

// Exponential backoff with "full jitter": the wait is a random point below the exponential cap,
// so many retries that failed together (a throttled account, a webhook receiver that was down)
// spread out instead of returning together. The randomness is injected, which keeps callers pure.

export interface BackoffOptions {
  /** Cap of the first wait; each further attempt doubles it. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /** Returns a number in [0, 1), like Math.random. */
  random: () => number;
}

/**
 * The wait before retry number `retry` (1 for the first retry). Never below half the capped
 * exponential value, so a retry is not sent back immediately by an unlucky draw.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.min(retry - 1, 30));
  const ceiling = Math.min(options.baseMs * 2 ** exponent, options.maxMs);
  const draw = Math.min(Math.max(options.random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * draw);
}

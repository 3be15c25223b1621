// How fast imports move. "demo" spreads any import over about half a minute so a person can watch
// the statistics grow; "fast" runs flat out for tests; a number is milliseconds per file.

export type Pace = "demo" | "fast" | number;

export type Tick = {
  /** Wait before the next batch, in ms (0 = next turn of the event loop). */
  delayMs: number;
  /** Files per batch. */
  batch: number;
};

const DEMO_TOTAL_MS = 30_000;
const DEMO_TICK_MS = 250;
const FAST_BATCH = 50;
const MIN_TIMER_MS = 10;

/** How long an import stays INITIALIZING before it lists its source. */
export function initializingDelay(pace: Pace): number {
  if (pace === "fast") return 0;
  if (pace === "demo") return 2_500;
  return Math.min(pace, 2_000);
}

/** Batch size and delay for an import with `totalFiles` files to process. */
export function tickFor(pace: Pace, totalFiles: number): Tick {
  if (pace === "fast" || pace === 0) return { delayMs: 0, batch: FAST_BATCH };
  if (pace === "demo") {
    const perFile = Math.min(2_000, Math.max(5, DEMO_TOTAL_MS / Math.max(1, totalFiles)));
    const delayMs = Math.max(DEMO_TICK_MS, perFile);
    return { delayMs, batch: Math.max(1, Math.round(delayMs / perFile)) };
  }
  if (pace >= MIN_TIMER_MS) return { delayMs: pace, batch: 1 };
  return { delayMs: MIN_TIMER_MS, batch: Math.ceil(MIN_TIMER_MS / pace) };
}

/** Parses LOCAL_LAKE_PACE-style text: "demo", "fast" or milliseconds per file. */
export function parsePace(value: unknown): Pace | null {
  if (value === "demo" || value === "fast") return value;
  const ms =
    typeof value === "number"
      ? value
      : typeof value === "string" && value !== ""
        ? Number(value)
        : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

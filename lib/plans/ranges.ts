// Cutting a plan's UTC day range into import windows. Pure integer arithmetic on UTC milliseconds:
// no local time zone and no daylight-saving shifts can move a boundary. Client-safe, so the
// new-plan form can preview the chunk count.
import {
  type ChunkSize,
  type PlanDraft,
  type PlanRange,
  parseUtcDay,
  sourcePrefixes,
} from "@/lib/schemas/plan";

export const DAY_MS = 86_400_000;
/**
 * CloudTrail reads StartEventTime and EndEventTime inclusively, by the day folder and the minute
 * stamp in each log file's name. Ending a window one second before the next one starts keeps a
 * file stamped at midnight in the later window only, so adjacent chunks never import a file twice.
 */
export const END_GAP_MS = 1000;

/** One import window: `start` is UTC midnight, `end` the last second before the next window. */
export interface Window {
  start: Date;
  end: Date;
  /** Whole UTC days in the window. */
  days: number;
}

/** The next boundary after `dayMs` for `size`: ISO weeks start on Monday, months on the 1st. */
function nextBoundary(dayMs: number, size: Exclude<ChunkSize, "whole">): number {
  if (size === "day") return dayMs + DAY_MS;
  const date = new Date(dayMs);
  if (size === "week") {
    // getUTCDay: Sunday 0 … Saturday 6; days until the next Monday are 7 on a Monday itself.
    const untilMonday = ((8 - date.getUTCDay()) % 7 || 7) * DAY_MS;
    return dayMs + untilMonday;
  }
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * The windows of an inclusive day range. Weeks are ISO weeks (Monday to Sunday, UTC) and months
 * calendar months, cut at the range's edges, so windows line up with the calendar a person reads
 * and with the coverage timeline, whatever day the range starts on.
 */
export function splitRange(range: PlanRange, size: ChunkSize): Window[] {
  const first = parseUtcDay(range.from);
  const last = parseUtcDay(range.to);
  if (first === null || last === null || last < first) return [];
  const stop = last + DAY_MS;
  const windows: Window[] = [];
  let at = first;
  while (at < stop) {
    const next = size === "whole" ? stop : Math.min(nextBoundary(at, size), stop);
    windows.push({
      start: new Date(at),
      end: new Date(next - END_GAP_MS),
      days: (next - at) / DAY_MS,
    });
    at = next;
  }
  return windows;
}

/** How many chunks (imports) a draft stands for: windows × S3 prefixes over all sources. */
export function countChunks(draft: Pick<PlanDraft, "range" | "chunkSize" | "sources">): number {
  const prefixes = draft.sources.reduce((sum, source) => sum + sourcePrefixes(source).length, 0);
  return splitRange(draft.range, draft.chunkSize).length * prefixes;
}

// The coverage page's URL: `?store=<arn>&from=&to=`, whole UTC days. Pure and client-safe.
import { presetRange } from "@/lib/plans/plan-draft";
import { eventDataStoreArnSchema } from "@/lib/schemas/import";
import { MAX_PLAN_DAYS, formatUtcDay, parseUtcDay } from "@/lib/schemas/plan";

const DAY_MS = 86_400_000;

export interface CoverageQuery {
  store: string | undefined;
  from: string;
  to: string;
  /** Parameters that were not valid and were replaced by the defaults, in words. */
  ignored: string[];
}

/** The last twelve months up to yesterday (UTC): the default window. */
export function defaultCoverageRange(now: Date): { from: string; to: string } {
  return presetRange("12m", now);
}

/**
 * Reads the page's parameters. A range that is not two real days in order, or longer than a plan
 * may be (five years), falls back to the default window and says so.
 */
export function parseCoverageQuery(
  params: { store?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: Date,
): CoverageQuery {
  const ignored: string[] = [];
  const store = params.store ? eventDataStoreArnSchema.safeParse(params.store) : undefined;
  if (store && !store.success) ignored.push("store (not an event data store ARN)");
  const fallback = defaultCoverageRange(now);
  const from = params.from ? parseUtcDay(params.from) : null;
  const to = params.to ? parseUtcDay(params.to) : null;
  let range = fallback;
  if (params.from || params.to) {
    if (from === null || to === null || to < from) {
      ignored.push("from and to (two real UTC days, first one first)");
    } else if ((to - from) / DAY_MS + 1 > MAX_PLAN_DAYS) {
      ignored.push(`from and to (at most ${MAX_PLAN_DAYS} days)`);
    } else {
      range = { from: formatUtcDay(from), to: formatUtcDay(to) };
    }
  }
  return { store: store?.success ? store.data : undefined, ...range, ignored };
}

// Check 2: events older than the store's retention are not copied, so days of the range before
// the retention cut-off are lost. The cut-off moves with the clock: it is "now minus retention".
import type { CheckResult } from "@/lib/schemas/preflight";
import type { Fetched, StoreFacts, TimeRange } from "./facts";
import { formatDay, plural } from "./format";
import { checkResult, couldNotCheck } from "./result";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The model's RetentionPeriod maximum, and the fixed-price mode's ceiling. */
const MAX_RETENTION = {
  EXTENDABLE_RETENTION_PRICING: 3653,
  FIXED_RETENTION_PRICING: 2557,
} as const;

export interface RetentionFacts {
  store: Fetched<StoreFacts>;
  range: TimeRange;
  now: Date;
}

/** The earliest event time the store keeps now. */
export function retentionCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** How many days of the range fall outside the store's retention. */
export function evaluateRetention({ store, range, now }: RetentionFacts): CheckResult {
  if (!store.ok) return couldNotCheck("retention", store, "the store's retention period");
  const days = store.value.retentionPeriodDays;
  if (days === undefined) {
    return checkResult(
      "retention",
      "warning",
      "CloudTrail didn't report the store's retention period, so it's unknown how much of the range it keeps.",
    );
  }
  const cutoff = retentionCutoff(days, now);
  const details = [
    { label: "Retention", value: plural(days, "day") },
    { label: "Oldest event kept", value: formatDay(cutoff) },
  ];
  if (!range.start) {
    return checkResult(
      "retention",
      "pass",
      `No start time: CloudTrail copies from the oldest log file, but skips events before ${formatDay(cutoff)} (the store keeps ${plural(days, "day")}).`,
      { details },
    );
  }
  if (range.start.getTime() >= cutoff.getTime()) {
    return checkResult(
      "retention",
      "pass",
      `The whole range lies within the store's ${plural(days, "day")} retention.`,
      { details },
    );
  }
  const end = range.end ?? now;
  const lostUntil = Math.min(end.getTime(), cutoff.getTime());
  const lostDays = Math.ceil((lostUntil - range.start.getTime()) / DAY_MS);
  const needed = Math.ceil((now.getTime() - range.start.getTime()) / DAY_MS) + 1;
  const mode =
    store.value.billingMode === "FIXED_RETENTION_PRICING"
      ? "FIXED_RETENTION_PRICING"
      : "EXTENDABLE_RETENTION_PRICING";
  const max = MAX_RETENTION[mode];
  const fix =
    needed <= max
      ? {
          text: `Start on or after ${formatDay(cutoff)}, or raise the retention to at least ${needed} days before importing.`,
          copyable: {
            label: "Command to raise the retention",
            code: `aws cloudtrail update-event-data-store --region ${store.value.region} --event-data-store ${store.value.arn} --retention-period ${needed}`,
          },
        }
      : {
          text: `Start on or after ${formatDay(cutoff)}; this billing mode keeps at most ${max} days.`,
        };
  if (end.getTime() <= cutoff.getTime()) {
    return checkResult(
      "retention",
      "failure",
      `The whole range ends before ${formatDay(cutoff)}, the oldest day the store keeps, so CloudTrail would copy nothing.`,
      { fix, details },
    );
  }
  return checkResult(
    "retention",
    "warning",
    `${plural(lostDays, "day")} of the range (${formatDay(range.start)} to ${formatDay(cutoff)}) fall outside the store's ${plural(days, "day")} retention; CloudTrail won't copy those events.`,
    {
      fix,
      details: [...details, { label: "Days outside retention", value: String(lostDays) }],
    },
  );
}

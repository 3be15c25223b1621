// What the coverage picture draws: one row per month, each cut into segments of equal state
// that become one focusable element each. Pure, so it is tested without rendering.
import type { Coverage, CoverageSegment, CoverageState } from "@/lib/coverage/timeline";

export const STATE_LABELS: Record<CoverageState, string> = {
  completed: "Completed",
  "in-progress": "In progress",
  failed: "Failed",
  stopped: "Stopped",
  planned: "Planned",
  missing: "Missing",
};

export interface CoverageCell {
  key: string;
  state: CoverageState;
  partial: boolean;
  from: string;
  to: string;
  days: number;
  /** 1-based grid column of the first day (the day of the month). */
  column: number;
  label: string;
  /** For missing days: a new plan pre-filled with the whole gap this piece belongs to. */
  href?: string;
}

export interface CoverageMonth {
  key: string;
  label: string;
  cells: CoverageCell[];
}

const MONTH = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

/** `/plans/new` pre-filled with the store and an inclusive day range. */
export function newPlanHref(store: string, from: string, to: string): string {
  return `/plans/new?${new URLSearchParams({ store, from, to }).toString()}`;
}

function describe(
  segment: Pick<CoverageSegment, "from" | "to" | "days" | "state" | "partial">,
): string {
  const when = segment.from === segment.to ? segment.from : `${segment.from} to ${segment.to}`;
  const days = segment.days === 1 ? "1 day" : `${segment.days} days`;
  const partly = segment.partial ? ", partly covered" : "";
  return `${when}: ${STATE_LABELS[segment.state].toLowerCase()}${partly} (${days})`;
}

/**
 * Months in order, each with its segments; a segment crossing a month end is split at it.
 * Without `planLinks` (for people who can't create plans) missing runs carry no link.
 */
export function coverageViewModel(
  coverage: Coverage,
  store: string,
  { planLinks = true }: { planLinks?: boolean } = {},
): CoverageMonth[] {
  const months: CoverageMonth[] = [];
  for (const segment of coverage.segments) {
    const gap =
      planLinks && segment.state === "missing"
        ? coverage.gaps.find((g) => g.from <= segment.from && segment.to <= g.to)
        : undefined;
    let from = segment.from;
    while (from <= segment.to) {
      const monthKey = from.slice(0, 7);
      const monthEnd = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 0))
        .toISOString()
        .slice(0, 10);
      const to = segment.to < monthEnd ? segment.to : monthEnd;
      const days = Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
      let month = months.at(-1);
      if (!month || month.key !== monthKey) {
        month = { key: monthKey, label: MONTH.format(new Date(`${from}T00:00:00Z`)), cells: [] };
        months.push(month);
      }
      const piece = { from, to, days, state: segment.state, partial: segment.partial };
      month.cells.push({
        key: from,
        ...piece,
        column: Number(from.slice(8, 10)),
        label: gap
          ? `${describe(piece)}. Plan an import of ${gap.from} to ${gap.to}`
          : describe(piece),
        ...(gap ? { href: newPlanHref(store, gap.from, gap.to) } : {}),
      });
      from = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
  }
  return months;
}

// Which UTC days of one event data store's history have been imported, from the imports that name
// the store (any Region, any starter) and the plans' chunks not yet started. Pure and client-safe.
//
// Algorithm: each import touches a run of whole days plus at most two partly covered edge days.
// Whole-day runs go into one difference array per state (+1 at the first day, -1 after the last),
// edge days into a per-day "best partial state". One prefix-sum pass then gives every day's
// states, so 10,000 imports over a five-year window cost O(imports + days × states), not
// O(imports × days).
import { formatUtcDay, parseUtcDay } from "@/lib/schemas/plan";

/** Best first: data in the store beats data on its way, which beats a partial or no attempt. */
export const COVERAGE_STATES = [
  "completed",
  "in-progress",
  "failed",
  "stopped",
  "planned",
  "missing",
] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

const DAY_MS = 86_400_000;
/** CloudTrail matches log files by their minute stamp, so an edge within a minute of midnight covers the day. */
const EDGE_TOLERANCE_MS = 60_000;
const MISSING = COVERAGE_STATES.indexOf("missing");

export interface CoverageImport {
  importId: string;
  status: string;
  destinations: string[];
  /** Absent when the import had no time range: it read from the oldest (or up to the newest) file. */
  startEventTime?: string;
  endEventTime?: string;
}

export interface PlannedRange {
  start: Date;
  end: Date;
}

export interface CoverageDay {
  day: string;
  state: CoverageState;
  /** The state comes from an import that covered only part of the day. */
  partial: boolean;
}

export interface CoverageSegment {
  from: string;
  to: string;
  days: number;
  state: CoverageState;
  partial: boolean;
}

export interface Coverage {
  from: string;
  to: string;
  days: CoverageDay[];
  segments: CoverageSegment[];
  /** Runs of missing days, each a range a new plan can be pre-filled with. */
  gaps: { from: string; to: string; days: number }[];
  counts: Record<CoverageState, number> & { partial: number };
  summary: string;
}

function stateOfStatus(status: string): CoverageState {
  if (status === "COMPLETED") return "completed";
  if (status === "FAILED") return "failed";
  if (status === "STOPPED") return "stopped";
  // INITIALIZING, IN_PROGRESS, and a status this version doesn't know: never shown as a gap,
  // which would invite a second import of the same days.
  return "in-progress";
}

function parseInstant(iso: string | undefined, open: number): number {
  if (iso === undefined) return open;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : open;
}

/** The per-day coverage of `store` from `from` to `to` (inclusive UTC days). */
export function buildCoverage(input: {
  store: string;
  from: string;
  to: string;
  imports: readonly CoverageImport[];
  planned?: readonly PlannedRange[];
}): Coverage {
  const first = parseUtcDay(input.from);
  const last = parseUtcDay(input.to);
  const dayCount =
    first === null || last === null || last < first ? 0 : (last - first) / DAY_MS + 1;
  const base = first ?? 0;
  const diff = COVERAGE_STATES.map(() => new Int32Array(dayCount + 1));
  const edge = new Uint8Array(dayCount).fill(MISSING);

  const add = (rank: number, start: number, end: number) => {
    if (end < start) return;
    const lo = Math.max(0, Math.floor((start - base) / DAY_MS));
    const hi = Math.min(dayCount - 1, Math.floor((end - base) / DAY_MS));
    if (lo > hi) return;
    const loFull = start < base + lo * DAY_MS + EDGE_TOLERANCE_MS;
    const hiFull = end >= base + (hi + 1) * DAY_MS - EDGE_TOLERANCE_MS;
    const fullFrom = loFull ? lo : lo + 1;
    const fullTo = hiFull ? hi : hi - 1;
    if (!loFull) edge[lo] = Math.min(edge[lo] ?? MISSING, rank);
    if (!hiFull && hi !== lo) edge[hi] = Math.min(edge[hi] ?? MISSING, rank);
    const row = diff[rank];
    if (row && fullFrom <= fullTo) {
      row[fullFrom] = (row[fullFrom] ?? 0) + 1;
      row[fullTo + 1] = (row[fullTo + 1] ?? 0) - 1;
    }
  };

  const seen = new Set<string>();
  for (const item of input.imports) {
    if (seen.has(item.importId) || !item.destinations.includes(input.store)) continue;
    seen.add(item.importId);
    const rank = COVERAGE_STATES.indexOf(stateOfStatus(item.status));
    add(
      rank,
      parseInstant(item.startEventTime, -Infinity),
      parseInstant(item.endEventTime, Infinity),
    );
  }
  const plannedRank = COVERAGE_STATES.indexOf("planned");
  for (const range of input.planned ?? [])
    add(plannedRank, range.start.getTime(), range.end.getTime());

  const running = COVERAGE_STATES.map(() => 0);
  const days: CoverageDay[] = [];
  for (let d = 0; d < dayCount; d += 1) {
    let full = MISSING;
    for (let s = 0; s < MISSING; s += 1) {
      running[s] = (running[s] ?? 0) + (diff[s]?.[d] ?? 0);
      if (full === MISSING && (running[s] ?? 0) > 0) full = s;
    }
    const part = edge[d] ?? MISSING;
    const partial = part < full;
    days.push({
      day: formatUtcDay(base + d * DAY_MS),
      state: COVERAGE_STATES[partial ? part : full] ?? "missing",
      partial,
    });
  }
  return summarise(input.from, input.to, days);
}

function summarise(from: string, to: string, days: CoverageDay[]): Coverage {
  const segments: CoverageSegment[] = [];
  const counts = {
    completed: 0,
    "in-progress": 0,
    failed: 0,
    stopped: 0,
    planned: 0,
    missing: 0,
    partial: 0,
  };
  for (const day of days) {
    counts[day.state] += 1;
    if (day.partial) counts.partial += 1;
    const tail = segments.at(-1);
    if (tail && tail.state === day.state && tail.partial === day.partial) {
      tail.to = day.day;
      tail.days += 1;
    } else {
      segments.push({
        from: day.day,
        to: day.day,
        days: 1,
        state: day.state,
        partial: day.partial,
      });
    }
  }
  const gaps = segments
    .filter((segment) => segment.state === "missing")
    .map(({ from: start, to: end, days: length }) => ({ from: start, to: end, days: length }));
  const parts = COVERAGE_STATES.filter((state) => counts[state] > 0).map(
    (state, index) =>
      `${counts[state]}${index === 0 ? (counts[state] === 1 ? " day" : " days") : ""} ${state.replace("-", " ")}`,
  );
  if (counts.partial > 0) parts.push(`${counts.partial} partly covered`);
  const summary =
    days.length === 0 ? `${from} to ${to}: no days` : `${from} to ${to}: ${parts.join(", ")}`;
  return { from, to, days, segments, gaps, counts, summary };
}

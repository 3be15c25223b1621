// Check 10: CloudTrail does not de-duplicate, so events already in the store are stored (and
// billed) again: from an earlier import of the same days, or from the store's own live ingestion
// since it was created.
import type { CheckResult } from "@/lib/schemas/preflight";
import type { Fetched, ImportFacts, StoreFacts, TimeRange } from "./facts";
import { formatDay, listSome } from "./format";
import { checkResult, couldNotCheck } from "./result";

/** Imports that copied events: completed, or stopped or failed part-way. */
const COPIED = new Set(["COMPLETED", "STOPPED", "FAILED"]);
/** Statuses in which a store is, or was just, collecting live events. */
const INGESTING = new Set(["ENABLED", "STARTING_INGESTION", "STOPPING_INGESTION"]);

export interface OverlapFacts {
  range: TimeRange;
  now: Date;
  store: Fetched<StoreFacts>;
  /** GetImport details of the imports into this store (ListImports filtered by destination). */
  imports: Fetched<ImportFacts[]>;
}

const ms = (iso: string | undefined, open: number): number => (iso ? Date.parse(iso) : open);

/** The overlap of two ranges in ms, or null. */
function intersect(a: [number, number], b: [number, number]): [number, number] | null {
  const from = Math.max(a[0], b[0]);
  const to = Math.min(a[1], b[1]);
  return from <= to ? [from, to] : null;
}

function span([from, to]: [number, number]): string {
  return `${formatDay(from)} to ${formatDay(to)}`;
}

/** Earlier imports and live ingestion that already hold events of this range. */
export function evaluateOverlap({ range, now, store, imports }: OverlapFacts): CheckResult {
  if (!imports.ok) return couldNotCheck("overlap", imports, "earlier imports into this store");
  const wanted: [number, number] = [range.start?.getTime() ?? 0, (range.end ?? now).getTime()];
  const earlier = imports.value.flatMap((i) => {
    if (!COPIED.has(i.status)) return [];
    // Without its own end, an import read up to the newest file at the time it ran.
    const overlap = intersect(wanted, [
      ms(i.startEventTime, 0),
      ms(i.endEventTime, ms(i.createdAt, now.getTime())),
    ]);
    return overlap ? [{ i, overlap }] : [];
  });
  const problems: string[] = [];
  const details = earlier.map(({ i, overlap }) => ({
    label: i.importId,
    value: `${i.status.toLowerCase()}; overlaps ${span(overlap)}`,
  }));
  if (earlier.length) {
    problems.push(
      `${earlier.length === 1 ? "import" : "imports"} ${listSome(
        earlier.map(
          ({ i, overlap }) => `${i.importId} (${i.status.toLowerCase()}, ${span(overlap)})`,
        ),
        2,
      )} already copied events of this range`,
    );
  }
  if (store.ok && store.value.createdAt && INGESTING.has(store.value.status)) {
    const live = intersect(wanted, [Date.parse(store.value.createdAt), now.getTime()]);
    if (live) {
      problems.push(
        `the store has been ingesting live events since ${formatDay(Date.parse(store.value.createdAt))}, so ${span(live)} is already in it`,
      );
      details.push({ label: "Live ingestion since", value: store.value.createdAt });
    }
  }
  if (problems.length === 0) {
    return checkResult(
      "overlap",
      "pass",
      "No earlier import into this store covers this range, and the store hasn't ingested live events in it.",
      { details },
    );
  }
  return checkResult(
    "overlap",
    "warning",
    `${listSome(problems, 2).replace(/^./, (c) => c.toUpperCase())}. CloudTrail doesn't de-duplicate, so those events would be stored and billed twice.`,
    {
      fix: {
        text: "Narrow the time range to the days not yet in the store, or import into a new event data store.",
      },
      details,
    },
  );
}

import type { ImportStatistics } from "@/lib/cloudtrail/types";

const FORMAT = new Intl.NumberFormat("en-US");

function value(n: number | undefined): string {
  return n === undefined ? "—" : FORMAT.format(n);
}

/** The five statistics CloudTrail reports, as a description list. */
export function ImportStatisticsList({ statistics }: { statistics: ImportStatistics | undefined }) {
  const items: [string, number | undefined][] = [
    ["Prefixes found", statistics?.prefixesFound],
    ["Prefixes completed", statistics?.prefixesCompleted],
    ["Files completed", statistics?.filesCompleted],
    ["Events completed", statistics?.eventsCompleted],
    ["Failed entries", statistics?.failedEntries],
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
      {items.map(([label, n]) => (
        <div key={label} className="flex flex-col gap-1">
          <dt className="text-muted-foreground text-xs">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

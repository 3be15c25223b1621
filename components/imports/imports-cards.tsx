import type { ReactNode } from "react";
import type { ImportRow } from "@/lib/cloudtrail/imports-view";
import { shortImportId } from "@/lib/imports/format";
import { ImportProgress } from "./import-progress";
import { CopyImportId, DestinationName, ImportLink, StartedByName } from "./import-row-parts";
import { StatusBadge } from "./status-badge";
import { UtcTime } from "./utc-time";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/**
 * One screen of imports as cards, for windows (and portal frames) narrower than 768 px: status and
 * progress first, then where it goes and when. The same rows as the table, which CSS swaps in.
 */
export function ImportsCards({ rows, className }: { rows: ImportRow[]; className?: string }) {
  return (
    <ol aria-label="Imports" className={className}>
      {rows.map((row) => {
        const headingId = `import-card-${row.region}-${row.importId}`;
        return (
          <li key={`${row.region}/${row.importId}`} data-import-id={row.importId}>
            <article
              aria-labelledby={headingId}
              className="bg-card text-card-foreground flex flex-col gap-3 rounded-lg border p-4"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <StatusBadge status={row.status} />
                <div className="flex items-center gap-1">
                  <h2 className="text-sm font-medium">
                    <ImportLink row={row} id={headingId} />
                  </h2>
                  <CopyImportId row={row} />
                </div>
              </div>
              <ImportProgress
                statistics={row.statistics}
                status={row.status}
                label={`Progress of import ${shortImportId(row.importId)}`}
              />
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
                <Fact label="Destination">
                  <DestinationName row={row} />
                </Fact>
                <Fact label="Region">{row.region}</Fact>
                <Fact label="Range (UTC)">
                  <span className="flex flex-col text-xs">
                    <UtcTime iso={row.startEventTime} />
                    <UtcTime iso={row.endEventTime} />
                  </span>
                </Fact>
                <Fact label="Updated">
                  <span className="text-xs">
                    <UtcTime iso={row.updatedAt} />
                  </span>
                </Fact>
                <Fact label="Started by">
                  <StartedByName startedBy={row.startedBy} />
                </Fact>
              </dl>
            </article>
          </li>
        );
      })}
    </ol>
  );
}

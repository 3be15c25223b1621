import type { ReactNode } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ImportRow } from "@/lib/cloudtrail/imports-view";
import { shortImportId } from "@/lib/imports/format";
import { ImportProgress } from "./import-progress";
import { CopyImportId, DestinationName, ImportLink, StartedByName } from "./import-row-parts";
import { StatusBadge } from "./status-badge";
import { UtcTime } from "./utc-time";

// The list must fit a 1280 px window: the source URI, creation time and full ARNs live on the
// detail page. Between 768 and 1024 px the secondary columns step aside the same way. Paging and
// filtering happen on the server (ListImports), so a plain column list is all the table needs.
const WIDE_ONLY = "hidden lg:table-cell";

const COLUMNS: {
  id: string;
  header: string;
  className?: string;
  cell: (row: ImportRow) => ReactNode;
}[] = [
  {
    id: "import",
    header: "Import",
    cell: (row) => (
      <span className="flex items-center gap-1">
        <ImportLink row={row} />
        <CopyImportId row={row} />
      </span>
    ),
  },
  { id: "status", header: "Status", cell: (row) => <StatusBadge status={row.status} /> },
  {
    id: "progress",
    header: "Progress",
    cell: (row) => (
      <ImportProgress
        compact
        statistics={row.statistics}
        status={row.status}
        label={`Progress of import ${shortImportId(row.importId)}`}
      />
    ),
  },
  {
    id: "destination",
    header: "Destination",
    cell: (row) => (
      <span className="flex flex-col">
        <DestinationName row={row} />
        <span className="text-muted-foreground text-xs">{row.region}</span>
      </span>
    ),
  },
  {
    id: "range",
    header: "Range (UTC)",
    className: WIDE_ONLY,
    cell: (row) => (
      <span className="flex flex-col text-xs">
        <UtcTime iso={row.startEventTime} />
        <UtcTime iso={row.endEventTime} />
      </span>
    ),
  },
  {
    id: "updated",
    header: "Updated",
    className: WIDE_ONLY,
    cell: (row) => <UtcTime iso={row.updatedAt} />,
  },
  // Batched per Region on the server (one LookupEvents per screen): see listImportsView.
  {
    id: "startedBy",
    header: "Started by",
    className: WIDE_ONLY,
    cell: (row) => <StartedByName startedBy={row.startedBy} />,
  },
];

/** One screen of imports as a table, for windows 768 px and wider. */
export function ImportsTable({ rows, className }: { rows: ImportRow[]; className?: string }) {
  return (
    <div className={className}>
      <Table scrollLabel="Imports">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableHead key={column.id} className={column.className}>
                {column.header}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.region}/${row.importId}`} data-import-id={row.importId}>
              {COLUMNS.map((column) => (
                <TableCell key={column.id} className={column.className}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

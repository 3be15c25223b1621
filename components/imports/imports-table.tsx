"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
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

// Paging and filtering happen on the server (ListImports), so the table needs core features only.
const features = tableFeatures({});
const column = createColumnHelper<typeof features, ImportRow>();

// The list must fit a 1280 px window: the source URI, creation time and full ARNs live on the
// detail page. Between 768 and 1024 px the secondary columns step aside the same way.
const WIDE_ONLY = "hidden lg:table-cell";
const COLUMN_CLASS: Partial<Record<string, string>> = {
  range: WIDE_ONLY,
  updatedAt: WIDE_ONLY,
  startedBy: WIDE_ONLY,
};

const columns = column.columns([
  column.accessor("importId", {
    header: "Import",
    cell: ({ row }) => (
      <span className="flex items-center gap-1">
        <ImportLink row={row.original} />
        <CopyImportId row={row.original} />
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  column.display({
    id: "progress",
    header: "Progress",
    cell: ({ row }) => (
      <ImportProgress
        compact
        statistics={row.original.statistics}
        status={row.original.status}
        label={`Progress of import ${shortImportId(row.original.importId)}`}
      />
    ),
  }),
  column.display({
    id: "destination",
    header: "Destination",
    cell: ({ row }) => (
      <span className="flex flex-col">
        <DestinationName row={row.original} />
        <span className="text-muted-foreground text-xs">{row.original.region}</span>
      </span>
    ),
  }),
  column.display({
    id: "range",
    header: "Range (UTC)",
    cell: ({ row }) => (
      <span className="flex flex-col text-xs">
        <UtcTime iso={row.original.startEventTime} />
        <UtcTime iso={row.original.endEventTime} />
      </span>
    ),
  }),
  column.accessor("updatedAt", {
    header: "Updated",
    cell: ({ row }) => <UtcTime iso={row.original.updatedAt} />,
  }),
  // Batched per Region on the server (one LookupEvents per screen): see listImportsView.
  column.display({
    id: "startedBy",
    header: "Started by",
    cell: ({ row }) => <StartedByName startedBy={row.original.startedBy} />,
  }),
]);

/** One screen of imports as a table, for windows 768 px and wider; rendered with TanStack Table v9. */
export function ImportsTable({ rows, className }: { rows: ImportRow[]; className?: string }) {
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => `${row.region}/${row.importId}`,
  });
  return (
    <div className={className}>
      <Table scrollLabel="Imports">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead key={header.id} className={COLUMN_CLASS[header.column.id]}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-import-id={row.original.importId}>
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id} className={COLUMN_CLASS[cell.column.id]}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

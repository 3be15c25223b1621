"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ImportRow, StartedBy } from "@/lib/cloudtrail/imports-view";
import { shortImportId } from "@/lib/imports/format";
import { ImportProgress } from "./import-progress";
import { StatusBadge } from "./status-badge";
import { UtcTime } from "./utc-time";

// Paging and filtering happen on the server (ListImports), so the table needs core features only.
const features = tableFeatures({});
const column = createColumnHelper<typeof features, ImportRow>();

/** The detail page URL; the Region rides along so the page needn't search every Region. */
export function importHref(row: { importId: string; region: string }): string {
  return `/imports/${row.importId}?${new URLSearchParams({ region: row.region })}`;
}

/** "alice" for alice@example.test, the role or user name for an ARN: keeps the column narrow. */
function shortStarter(starter: string): string {
  const name = starter.startsWith("arn:") ? starter.slice(starter.lastIndexOf("/") + 1) : starter;
  const at = name.indexOf("@");
  return at > 0 ? name.slice(0, at) : name;
}

function StartedByCell({ startedBy }: { startedBy: StartedBy }) {
  if (startedBy.state !== "found") {
    const why =
      startedBy.state === "missing"
        ? "not in CloudTrail event history"
        : "CloudTrail event history could not be read";
    return (
      <span title={why}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{why}</span>
      </span>
    );
  }
  return (
    <span title={startedBy.by}>
      <span aria-hidden="true">{shortStarter(startedBy.by)}</span>
      <span className="sr-only">{startedBy.by}</span>
    </span>
  );
}

const columns = column.columns([
  column.accessor("importId", {
    header: "Import",
    cell: ({ row }) => (
      <span className="flex items-center gap-1">
        <Link
          href={importHref(row.original)}
          className="text-primary font-mono underline-offset-4 hover:underline"
        >
          <span className="sr-only">Import </span>
          {shortImportId(row.original.importId)}
        </Link>
        <CopyButton
          value={row.original.importId}
          label={`Copy import ID ${row.original.importId}`}
          className="size-7"
        />
      </span>
    ),
  }),
  column.display({
    id: "destination",
    header: "Destination",
    cell: ({ row }) => (
      <span title={row.original.destinations[0]}>
        {row.original.storeName ?? row.original.destinations[0] ?? "—"}
      </span>
    ),
  }),
  column.accessor("region", { header: "Region" }),
  column.display({
    id: "source",
    header: "Source",
    cell: ({ row }) => (
      <span
        className="block max-w-64 truncate font-mono text-xs"
        title={row.original.source?.s3Uri}
      >
        {row.original.source?.s3Uri ?? (row.original.hydrated ? "—" : "details unavailable")}
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
  column.accessor("createdAt", {
    header: "Created",
    cell: ({ row }) => <UtcTime iso={row.original.createdAt} />,
  }),
  column.accessor("updatedAt", {
    header: "Updated",
    cell: ({ row }) => <UtcTime iso={row.original.updatedAt} />,
  }),
  // Batched per Region on the server (one LookupEvents per screen): see listImportsView.
  column.display({
    id: "startedBy",
    header: "Started by",
    cell: ({ row }) => <StartedByCell startedBy={row.original.startedBy} />,
  }),
]);

/** One screen of imports, rendered with TanStack Table v9. */
export function ImportsTable({ rows }: { rows: ImportRow[] }) {
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => `${row.region}/${row.importId}`,
  });
  return (
    <Table scrollLabel="Imports">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id}>
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
              <TableCell key={cell.id}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

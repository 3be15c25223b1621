import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import type { ImportRow, StartedBy } from "@/lib/cloudtrail/imports-view";
import { shortImportId } from "@/lib/imports/format";

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

/** Who started the import, shortened on screen; the full identity is in the title and for screen readers. */
export function StartedByName({ startedBy }: { startedBy: StartedBy }) {
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

/** The short import ID as a link to its page. */
export function ImportLink({ row, id }: { row: ImportRow; id?: string }) {
  return (
    <Link
      id={id}
      href={importHref(row)}
      className="text-primary font-mono underline-offset-4 hover:underline"
    >
      <span className="sr-only">Import </span>
      {shortImportId(row.importId)}
    </Link>
  );
}

/** Copies the full import ID, which the short link text leaves out. */
export function CopyImportId({ row }: { row: ImportRow }) {
  return (
    <CopyButton value={row.importId} label={`Copy import ID ${row.importId}`} className="size-7" />
  );
}

/** The store's name (its ARN in the title), truncated so a long name cannot widen the list. */
export function DestinationName({ row }: { row: ImportRow }) {
  return (
    <span className="block max-w-56 truncate" title={row.destinations[0]}>
      {row.storeName ?? row.destinations[0] ?? "—"}
    </span>
  );
}

import type { ReactNode } from "react";
import Link from "next/link";
import { UtcTime } from "@/components/imports/utc-time";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ActivityEntry } from "@/lib/schemas/activity";

const OUTCOME_VARIANT = { ok: "success", refused: "warning", failed: "destructive" } as const;

function Outcome({ entry }: { entry: ActivityEntry }) {
  const variant =
    entry.outcome in OUTCOME_VARIANT
      ? OUTCOME_VARIANT[entry.outcome as keyof typeof OUTCOME_VARIANT]
      : "outline";
  return (
    <div className="flex flex-col items-start gap-1">
      <Badge variant={variant}>{entry.outcome}</Badge>
      {entry.errorCode ? <span className="font-mono text-xs">{entry.errorCode}</span> : null}
      {entry.errorMessage ? (
        <span className="text-muted-foreground max-w-64 text-xs">{entry.errorMessage}</span>
      ) : null}
    </div>
  );
}

/** Label and value pairs for whichever resources the entry names. */
function Resources({ entry }: { entry: ActivityEntry }) {
  const rows: [string, ReactNode][] = [];
  if (entry.importId)
    rows.push([
      "Import",
      <Link
        key="import"
        href={`/imports/${entry.importId}${entry.region ? `?region=${entry.region}` : ""}`}
        className="text-primary underline-offset-4 hover:underline"
      >
        {entry.importId}
      </Link>,
    ]);
  if (entry.storeArn) rows.push(["Store", entry.storeArn]);
  if (entry.s3Uri) rows.push(["Source", entry.s3Uri]);
  if (entry.roleArn) rows.push(["Role", entry.roleArn]);
  if (entry.region) rows.push(["Region", entry.region]);
  if (entry.timeRange?.start || entry.timeRange?.end)
    rows.push([
      "Range (UTC)",
      <span key="range">
        <UtcTime iso={entry.timeRange.start} /> – <UtcTime iso={entry.timeRange.end} />
      </span>,
    ]);
  if (rows.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-2 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="font-mono break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RequestIds({ entry }: { entry: ActivityEntry }) {
  const rows = [
    ["AWS request", entry.awsRequestId],
    ["Request", entry.requestId],
    ["Client", entry.clientAddress],
  ].filter((row): row is [string, string] => Boolean(row[1]));
  if (rows.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="font-mono break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One page of activity, newest first. */
export function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  return (
    <Table scrollLabel="Activity">
      <caption className="sr-only">Activity, newest first; times are UTC</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Time (UTC)</TableHead>
          <TableHead scope="col">Who</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">Outcome</TableHead>
          <TableHead scope="col">Resources</TableHead>
          <TableHead scope="col">Request</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} className="align-top">
            <TableCell className="whitespace-nowrap">
              <UtcTime iso={entry.occurredAt.toISOString()} seconds />
            </TableCell>
            <TableCell>
              <div className="flex flex-col">
                <span>{entry.actorEmail ?? "—"}</span>
                {entry.actorRole ? (
                  <span className="text-muted-foreground text-xs">{entry.actorRole}</span>
                ) : null}
              </div>
            </TableCell>
            <TableCell className="font-mono text-xs">{entry.action}</TableCell>
            <TableCell className="min-w-40 whitespace-normal">
              <Outcome entry={entry} />
            </TableCell>
            <TableCell className="min-w-72 whitespace-normal">
              <Resources entry={entry} />
            </TableCell>
            <TableCell className="min-w-56 whitespace-normal">
              <RequestIds entry={entry} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

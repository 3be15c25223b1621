"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useImportFailuresQuery } from "@/lib/hooks/use-import";
import { UtcTime } from "./utc-time";

/** ListImportFailures, a page at a time, with back and forward through the tokens seen so far. */
export function ImportFailures({
  importId,
  region,
  status,
}: {
  importId: string;
  region: string;
  status: string;
}) {
  // Tokens of the pages before the current one; the last entry is the current page's token.
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const current = tokens[tokens.length - 1] ?? null;
  const { data, error, isPending } = useImportFailuresQuery(importId, region, current, status);

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2 className="text-lg">Failures</h2>
        </CardTitle>
        <CardDescription>Files CloudTrail could not copy, from ListImportFailures.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error ? <p className="text-destructive text-sm">{error.message}</p> : null}
        {isPending ? <p className="text-muted-foreground text-sm">Loading failures…</p> : null}
        {data && data.items.length === 0 && tokens.length === 1 ? (
          <p className="text-muted-foreground text-sm">No failures reported.</p>
        ) : null}
        {data && data.items.length > 0 ? (
          <Table scrollLabel="Failures">
            <TableHeader>
              <TableRow>
                <TableHead>Location</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Error type</TableHead>
                <TableHead>Error message</TableHead>
                <TableHead>Last updated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((failure, index) => (
                <TableRow key={`${failure.location ?? ""}-${index}`}>
                  {/* Wide enough that an S3 key wraps onto a few lines, not one character a line;
                      the table scrolls inside its own region instead. */}
                  <TableCell className="max-w-md min-w-80 font-mono text-xs break-all whitespace-normal">
                    {failure.location ?? "—"}
                  </TableCell>
                  <TableCell>{failure.status}</TableCell>
                  <TableCell>{failure.errorType ?? "—"}</TableCell>
                  <TableCell className="min-w-64 whitespace-normal">
                    {failure.errorMessage ?? "—"}
                  </TableCell>
                  <TableCell>
                    <UtcTime iso={failure.lastUpdatedAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {tokens.length > 1 || data?.nextToken ? (
          <nav aria-label="Pages of failures" className="flex gap-2">
            <Button
              variant="outline"
              disabled={tokens.length === 1}
              onClick={() => setTokens((t) => t.slice(0, -1))}
            >
              Previous failures
            </Button>
            <Button
              variant="outline"
              disabled={!data?.nextToken}
              onClick={() => data?.nextToken && setTokens((t) => [...t, data.nextToken ?? null])}
            >
              More failures
            </Button>
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}

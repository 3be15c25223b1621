"use client";

import Link from "next/link";
import { UtcTime } from "@/components/imports/utc-time";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { useChunkCommandMutation } from "@/lib/hooks/use-plan";
import type { ChunkView } from "@/lib/plans/plan-view";
import { chunkTransition } from "@/lib/plans/transitions";
import type { PlanState } from "@/lib/schemas/plan-rows";
import { ChunkStateBadge } from "./plan-state-badge";

type Mutation = ReturnType<typeof useChunkCommandMutation>;

/** The window a chunk reads, in UTC days: `2025-01-06 – 2025-01-12`. */
function windowText(chunk: Pick<ChunkView, "start" | "end">): string {
  const from = chunk.start.slice(0, 10);
  const to = chunk.end.slice(0, 10);
  return from === to ? from : `${from} – ${to}`;
}

/** Every chunk in order: its window, source, state, attempts, import and last error. */
export function ChunksTable({
  chunks,
  planState,
  maxRetries,
  mutation,
}: {
  chunks: ChunkView[];
  planState: PlanState;
  maxRetries: number;
  /** Present for operators: the skip and re-run buttons. */
  mutation: Mutation | undefined;
}) {
  return (
    <Table>
      <caption className="sr-only">
        Chunks of this plan, oldest window first. Dates are UTC.
      </caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">#</TableHead>
          <TableHead scope="col">Window (UTC)</TableHead>
          <TableHead scope="col">Source</TableHead>
          <TableHead scope="col">State</TableHead>
          <TableHead scope="col">Attempts</TableHead>
          <TableHead scope="col">Import</TableHead>
          <TableHead scope="col">Last error</TableHead>
          {mutation ? <TableHead scope="col">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {chunks.map((chunk) => {
          const n = chunk.index + 1;
          const can = (action: "skip" | "rerun") => chunkTransition(chunk, planState, action).ok;
          return (
            <TableRow key={chunk.id}>
              <TableCell>{n}</TableCell>
              <TableCell className="whitespace-nowrap">{windowText(chunk)}</TableCell>
              <TableCell>
                <span className="block">
                  {chunk.sourceNumber ? `Source ${chunk.sourceNumber}` : "—"}
                </span>
                <span className="text-muted-foreground font-mono text-xs break-all">
                  {chunk.s3Uri}
                </span>
              </TableCell>
              <TableCell>
                <ChunkStateBadge state={chunk.state} />
                {chunk.state === "pending" && chunk.nextAttemptAt ? (
                  <span className="text-muted-foreground block text-xs">
                    retry after <UtcTime iso={chunk.nextAttemptAt} />
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                {chunk.attempts} of {maxRetries + 1}
              </TableCell>
              <TableCell>
                {chunk.importHref && chunk.importId ? (
                  <Link href={chunk.importHref} className="font-mono text-xs underline">
                    {chunk.importId.split("-")[0]}
                    <span className="sr-only"> (import of chunk {n})</span>
                  </Link>
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell className="max-w-72 text-sm break-words">
                {chunk.lastError ?? "—"}
              </TableCell>
              {mutation ? (
                <TableCell className="whitespace-nowrap">
                  {can("rerun") ? (
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={mutation.isPending}
                      onClick={() => mutation.mutate({ action: "rerun", chunkId: chunk.id })}
                    >
                      Re-run<span className="sr-only"> chunk {n}</span>
                    </Button>
                  ) : null}{" "}
                  {can("skip") ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={mutation.isPending}
                      onClick={() => mutation.mutate({ action: "skip", chunkId: chunk.id })}
                    >
                      Skip<span className="sr-only"> chunk {n}</span>
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import Link from "next/link";
import type { CSSProperties } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { COVERAGE_STATES, type Coverage, type CoverageState } from "@/lib/coverage/timeline";
import { cn } from "@/lib/utils";
import { STATE_LABELS, coverageViewModel, newPlanHref } from "./coverage-view-model";

// Colour plus a pattern per state, so the picture reads without colour: solid, stripes,
// cross-hatch, dots, dashed outline and an empty box.
const STATE_STYLES: Record<CoverageState, string> = {
  completed: "bg-success",
  "in-progress":
    "bg-primary bg-[repeating-linear-gradient(45deg,transparent_0_3px,var(--color-background)_3px_5px)]",
  failed:
    "bg-destructive bg-[repeating-linear-gradient(45deg,transparent_0_3px,var(--color-background)_3px_4px),repeating-linear-gradient(-45deg,transparent_0_3px,var(--color-background)_3px_4px)]",
  stopped:
    "bg-warning bg-[radial-gradient(var(--color-background)_1px,transparent_1.5px)] bg-[length:5px_5px]",
  planned: "border-primary border border-dashed bg-transparent",
  missing: "border-border bg-muted border",
};

const FOCUS =
  "focus-visible:ring-ring outline-hidden focus-visible:ring-2 focus-visible:ring-offset-1";

function Swatch({ state, className }: { state: CoverageState; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("inline-block size-3 rounded-xs", STATE_STYLES[state], className)}
    />
  );
}

/**
 * Day-by-day import coverage of one event data store: a row per month, a segment per run of days
 * in one state, each focusable and labelled; missing runs link to a new plan for that gap. The
 * summary line and the table under "Show as a table" say the same in text.
 */
export function CoverageTimeline({
  coverage,
  store,
  planLinks = true,
}: {
  coverage: Coverage;
  store: string;
  /** Link missing runs to a new plan; off for people who can't create plans. */
  planLinks?: boolean;
}) {
  const months = coverageViewModel(coverage, store, { planLinks });
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm">{coverage.summary}</figcaption>
      <ul
        className="text-muted-foreground flex flex-wrap gap-x-4 gap-y-1 text-xs"
        aria-label="Legend"
      >
        {COVERAGE_STATES.map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <Swatch state={state} />
            {STATE_LABELS[state]}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <Swatch state="completed" className="h-1.5" />
          Partly covered (half height)
        </li>
      </ul>
      <div className="space-y-1 overflow-x-auto">
        {months.map((month) => (
          <div key={month.key} className="flex items-center gap-2">
            <span className="text-muted-foreground w-16 shrink-0 text-xs sm:w-32">
              {month.label}
            </span>
            <div
              className="grid min-w-[15.5rem] flex-1 grid-cols-31 gap-px"
              role="list"
              aria-label={month.label}
            >
              {month.cells.map((cell) => {
                const style: CSSProperties = { gridColumn: `${cell.column} / span ${cell.days}` };
                const className = cn(
                  "block h-4 rounded-xs",
                  cell.partial && "h-2 self-end",
                  STATE_STYLES[cell.state],
                  FOCUS,
                );
                return (
                  <span key={cell.key} role="listitem" style={style} className="flex">
                    {cell.href ? (
                      <Link
                        href={cell.href}
                        aria-label={cell.label}
                        title={cell.label}
                        className={cn(className, "w-full hover:opacity-70")}
                      />
                    ) : (
                      // role="img": a span may carry a name only with a role, and it is a picture.
                      <span
                        role="img"
                        tabIndex={0}
                        aria-label={cell.label}
                        title={cell.label}
                        className={cn(className, "w-full")}
                      />
                    )}
                  </span>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <details className="text-sm">
        <summary className={cn("cursor-pointer rounded-sm", FOCUS)}>Show as a table</summary>
        <Table className="mt-2">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">From</TableHead>
              <TableHead scope="col">To</TableHead>
              <TableHead scope="col">Days</TableHead>
              <TableHead scope="col">State</TableHead>
              {planLinks ? <TableHead scope="col">Action</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {coverage.segments.map((segment) => (
              <TableRow key={segment.from}>
                <TableCell>{segment.from}</TableCell>
                <TableCell>{segment.to}</TableCell>
                <TableCell>{segment.days}</TableCell>
                <TableCell>
                  {STATE_LABELS[segment.state]}
                  {segment.partial ? " (partly covered)" : ""}
                </TableCell>
                {planLinks ? (
                  <TableCell>
                    {segment.state === "missing" ? (
                      <Link
                        className="underline"
                        href={newPlanHref(store, segment.from, segment.to)}
                      >
                        Plan an import
                        <span className="sr-only">
                          {" "}
                          of {segment.from} to {segment.to}
                        </span>
                      </Link>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}

"use client";

import { AlertTriangleIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useImportListQuery } from "@/lib/hooks/use-import";
import { type ImportListParams, listSearch } from "@/lib/queries/imports";
import { ImportsFilters } from "./imports-filters";
import { ImportsCards } from "./imports-cards";
import { ImportsTable } from "./imports-table";

/**
 * The imports list: filters, one screen of rows (polled while any is running), Region problems,
 * paging links and the empty state. First paint comes from the server-seeded query cache.
 */
export function ImportsList({ params, canStart }: { params: ImportListParams; canStart: boolean }) {
  const { data, error } = useImportListQuery(params);
  const { cursor, ...filters } = params;
  const filtered = Boolean(filters.status || filters.destination || filters.region);

  return (
    <div className="flex flex-col gap-4">
      <ImportsFilters filters={filters} stores={data?.stores ?? []} regions={data?.regions ?? []} />
      {error && !data ? (
        <Alert variant="destructive">
          <AlertTriangleIcon aria-hidden />
          <AlertTitle>The imports could not be loaded</AlertTitle>
          <AlertDescription>{error.message}</AlertDescription>
        </Alert>
      ) : null}
      {error && data ? (
        // Keep showing the last good list, but say it may be old rather than pretend it is live.
        <Alert variant="warning" role="status">
          <AlertTriangleIcon aria-hidden />
          <AlertTitle>This list may be out of date</AlertTitle>
          <AlertDescription>{error.message} The page keeps trying, less often.</AlertDescription>
        </Alert>
      ) : null}
      {data?.problems.map((problem) => (
        <Alert key={problem.region} variant="warning" role="status">
          <AlertTriangleIcon aria-hidden />
          <AlertTitle>Imports in {problem.region} could not be listed</AlertTitle>
          <AlertDescription>{problem.message}</AlertDescription>
        </Alert>
      ))}
      {data && data.rows.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed p-8">
          <h2 className="text-lg font-semibold">
            {filtered
              ? "No imports match these filters"
              : cursor
                ? "No more imports"
                : "No imports yet"}
          </h2>
          <p className="text-muted-foreground text-sm">
            {filtered
              ? "Change or clear the filters to see other imports."
              : "Imports copy CloudTrail logs from S3 into a CloudTrail Lake event data store."}
          </p>
          {canStart && !filtered ? (
            <Button asChild>
              <Link href="/imports/new">
                <PlusIcon aria-hidden />
                New import
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
      {data && data.rows.length > 0 ? (
        // Both render on the server and CSS shows one, so the layout never shifts after hydration;
        // display: none also hides the other from screen readers.
        <>
          <ImportsTable rows={data.rows} className="hidden md:block" />
          <ImportsCards rows={data.rows} className="flex flex-col gap-3 md:hidden" />
        </>
      ) : null}
      {data && (cursor || data.nextCursor) ? (
        <nav aria-label="Pages of imports" className="flex gap-2">
          {cursor ? (
            <Button asChild variant="outline">
              <Link href={`/imports${listSearch(filters)}`}>First page</Link>
            </Button>
          ) : null}
          {data.nextCursor ? (
            <Button asChild variant="outline">
              <Link href={`/imports${listSearch({ ...filters, cursor: data.nextCursor })}`}>
                Next page
              </Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

import { DownloadIcon } from "lucide-react";
import type { Metadata } from "next";
import { ActivityFiltersForm } from "@/components/activity/activity-filters";
import { ActivityPager } from "@/components/activity/activity-pager";
import { ActivityTable } from "@/components/activity/activity-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiUrl } from "@/lib/api-url";
import { requireUser } from "@/lib/auth/guard";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import {
  type ActivityCursor,
  type ActivityPage,
  activityLog,
  decodeActivityCursor,
  encodeActivityCursor,
} from "@/lib/db/activity";
import { activityFilterParams, parseActivityFilters } from "@/lib/schemas/activity";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) =>
  typeof value === "string" ? value : undefined;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { filters, invalid } = parseActivityFilters(raw);
  const before = decodeActivityCursor(one(raw.before));
  const after = before ? undefined : decodeActivityCursor(one(raw.after));
  const query = activityFilterParams(filters);
  await requireUser(`/activity${query.size > 0 ? `?${query}` : ""}`);

  let page: ActivityPage | undefined;
  try {
    page = await activityLog().list({ filters, before, after, limit: PAGE_SIZE });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
  }

  const link = (key: "before" | "after", cursor: ActivityCursor | undefined) => {
    if (!cursor) return undefined;
    const params = activityFilterParams(filters);
    params.set(key, encodeActivityCursor(cursor));
    return `/activity?${params}`;
  };
  const filtered = query.size > 0;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
          <p className="text-muted-foreground">
            Who started, retried or stopped imports, who was refused, and who signed in or out.
            Newest first; times are UTC.
          </p>
        </div>
        <Button variant="outline" asChild>
          <a href={apiUrl("/api/activity/export", Object.fromEntries(query))} download>
            <DownloadIcon aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      <ActivityFiltersForm filters={filters} />
      {invalid.length > 0 ? (
        <Alert variant="warning" role="status">
          <AlertTitle>Some filters were ignored</AlertTitle>
          <AlertDescription>
            These were not valid and are not applied: {invalid.join(", ")}. Times are UTC, written
            as 2030-01-31T09:30.
          </AlertDescription>
        </Alert>
      ) : null}
      {!page ? (
        <Alert variant="destructive">
          <AlertTitle>The activity log is unavailable</AlertTitle>
          <AlertDescription>
            Trail Imports can&apos;t reach its database, so it can&apos;t show activity. Try again
            shortly, or ask the administrator to check DATABASE_URL.
          </AlertDescription>
        </Alert>
      ) : page.entries.length === 0 ? (
        <div className="rounded-lg border border-dashed p-8 text-center">
          <p className="font-medium">
            {filtered || before || after
              ? "No activity matches these filters."
              : "No activity yet."}
          </p>
          <p className="text-muted-foreground text-sm">
            {filtered
              ? "Try a wider time range or clear the filters."
              : "Starting, retrying or stopping an import, and signing in, are recorded here."}
          </p>
        </div>
      ) : (
        <>
          <ActivityTable entries={page.entries} />
          <ActivityPager newer={link("after", page.newer)} older={link("before", page.older)} />
        </>
      )}
    </div>
  );
}

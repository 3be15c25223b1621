import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ImportsList } from "@/components/imports/imports-list";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { configuredRegions } from "@/lib/cloudtrail";
import { decodeCursor, parseListFilters } from "@/lib/cloudtrail/imports-list-query";
import { listImportsView } from "@/lib/cloudtrail/imports-view";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { type ImportListParams, importListOptions, listSearch } from "@/lib/queries/imports";

export const metadata: Metadata = { title: "Imports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImportsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const regions = configuredRegions();
  const params: ImportListParams = parseListFilters(raw, regions);
  const rawCursor = typeof raw.cursor === "string" ? raw.cursor : undefined;
  const cursor = decodeCursor(rawCursor, regions);
  if (cursor && rawCursor) params.cursor = rawCursor;
  const user = await requireUser(`/imports${listSearch(params)}`);

  // First paint from the server; the client reads the same cache entry and polls from there.
  const queryClient = getQueryClient();
  queryClient.setQueryData(
    importListOptions(params).queryKey,
    await listImportsView(user, params, cursor),
  );
  const canStart = hasRole(user.roles, "operator");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Imports</h1>
          <p className="text-muted-foreground">
            Copies of CloudTrail logs from S3 into CloudTrail Lake event data stores, across every
            configured Region ({regions.join(", ")}). Newest first; times are UTC.
          </p>
        </div>
        {canStart ? (
          <Button asChild>
            <Link href="/imports/new">
              <PlusIcon aria-hidden />
              New import
            </Link>
          </Button>
        ) : null}
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ImportsList params={params} canStart={canStart} />
      </HydrationBoundary>
    </div>
  );
}

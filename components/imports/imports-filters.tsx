"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ImportListFilters } from "@/lib/cloudtrail/imports-list-query";
import type { StoreOption } from "@/lib/cloudtrail/imports-view";
import { explainStatus } from "@/lib/imports/status";
import { IMPORT_STATUSES } from "@/lib/schemas/import-status";
import { listSearch } from "@/lib/queries/imports";
import { cn } from "@/lib/utils";

const selectClassName = cn(controlClassName, "h-9 w-auto px-3 py-1.5");

/**
 * Status, destination and Region filters. They live in the URL (so they survive reloads and can
 * be shared); changing one starts again from the first page.
 */
export function ImportsFilters({
  filters,
  stores,
  regions,
}: {
  filters: ImportListFilters;
  stores: StoreOption[];
  regions: string[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function apply(next: ImportListFilters) {
    startTransition(() => router.push(`${pathname}${listSearch(next)}`));
  }
  function set(name: keyof ImportListFilters, value: string) {
    const next: ImportListFilters = { ...filters };
    if (value) (next as Record<string, string>)[name] = value;
    else delete next[name];
    apply(next);
  }

  return (
    <form
      role="search"
      aria-label="Filter imports"
      aria-busy={pending || undefined}
      className="flex flex-wrap items-end gap-4"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <select
          id="filter-status"
          className={selectClassName}
          value={filters.status ?? ""}
          onChange={(e) => set("status", e.target.value)}
        >
          <option value="">Any status</option>
          {IMPORT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {explainStatus(status).label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-destination">Destination</Label>
        <select
          id="filter-destination"
          className={selectClassName}
          value={filters.destination ?? ""}
          onChange={(e) => set("destination", e.target.value)}
        >
          <option value="">Any destination</option>
          {filters.destination && !stores.some((store) => store.arn === filters.destination) ? (
            <option value={filters.destination}>{filters.destination}</option>
          ) : null}
          {stores.map((store) => (
            <option key={store.arn} value={store.arn}>
              {store.name} ({store.region})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-region">Region</Label>
        <select
          id="filter-region"
          className={selectClassName}
          value={filters.region ?? ""}
          onChange={(e) => set("region", e.target.value)}
        >
          <option value="">All Regions</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </div>
      {filters.status || filters.destination || filters.region ? (
        <Button type="button" variant="ghost" onClick={() => apply({})}>
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}

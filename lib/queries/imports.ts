// Query keys and options for imports. The server seeds the cache under these keys (first
// paint), and the browser polls the route handlers in app/api/imports with the same options.
import { queryOptions } from "@tanstack/react-query";
import type { ImportListFilters } from "@/lib/cloudtrail/imports-list-query";
import type { ImportListView, ImportView } from "@/lib/cloudtrail/imports-view";
import type { ImportFailure, Page } from "@/lib/cloudtrail/types";

import { fetchJson } from "./fetch-json";

export interface ImportListParams extends ImportListFilters {
  cursor?: string;
}

/** Key factory: all → lists → list(params); all → details → detail(id, region) → failures(token). */
export const importKeys = {
  all: ["imports"] as const,
  lists: () => [...importKeys.all, "list"] as const,
  list: (params: ImportListParams) => [...importKeys.lists(), params] as const,
  details: () => [...importKeys.all, "detail"] as const,
  detail: (importId: string, region: string) =>
    [...importKeys.details(), importId, region] as const,
  failures: (importId: string, region: string, nextToken: string | null) =>
    [...importKeys.detail(importId, region), "failures", nextToken] as const,
};

/** The query string for a list screen: only set values, in a stable order. */
export function listSearch(params: ImportListParams): string {
  const search = new URLSearchParams();
  if (params.status) search.set("status", params.status);
  if (params.destination) search.set("destination", params.destination);
  if (params.region) search.set("region", params.region);
  if (params.cursor) search.set("cursor", params.cursor);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** One screen of the imports list (GET /api/imports). */
export function importListOptions(params: ImportListParams) {
  return queryOptions({
    queryKey: importKeys.list(params),
    queryFn: ({ signal }) => fetchJson<ImportListView>(`/api/imports${listSearch(params)}`, signal),
  });
}

/** One import with its destination name (GET /api/imports/<id>?region=). */
export function importDetailOptions(importId: string, region: string) {
  return queryOptions({
    queryKey: importKeys.detail(importId, region),
    queryFn: ({ signal }) =>
      fetchJson<ImportView>(
        `/api/imports/${encodeURIComponent(importId)}?${new URLSearchParams({ region })}`,
        signal,
      ),
  });
}

/**
 * One page of an import's failures (GET /api/imports/<id>/failures?region=&nextToken=).
 * `fresh` asks the server to read past its cache; the answer lands under the same key.
 */
export function importFailuresOptions(
  importId: string,
  region: string,
  nextToken: string | null,
  { fresh = false }: { fresh?: boolean } = {},
) {
  return queryOptions({
    queryKey: importKeys.failures(importId, region, nextToken),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ region });
      if (nextToken) search.set("nextToken", nextToken);
      if (fresh) search.set("fresh", "1");
      return fetchJson<Page<ImportFailure>>(
        `/api/imports/${encodeURIComponent(importId)}/failures?${search}`,
        signal,
      );
    },
  });
}

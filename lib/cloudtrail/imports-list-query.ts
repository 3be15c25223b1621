// Filters and the paging cursor of the all-Regions imports list. Pure (no AWS, no "server-only")
// so it is unit-tested directly; imports-view.ts does the calls.
//
// Cursor design: ListImports pages per Region, but the list shows every Region merged newest
// first. Each Region keeps its own position: the NextToken of the ListImports page being read
// (absent for the first page) plus how many items of that page were already shown. A screen
// reads at most one ListImports page per Region, merges, shows the newest `pageSize`, and moves
// each Region forward by what it contributed. A Region whose page was used up moves to its
// NextToken; one with items left re-reads the same page next time (usually from the server
// cache) and skips what was shown. A Region with nothing more is dropped from the cursor.
import { z } from "zod";
import {
  awsRegionSchema,
  eventDataStoreArnSchema,
  importStatusSchema,
  parseEventDataStoreArn,
} from "@/lib/schemas/import";
import type { ImportStatus } from "@/lib/schemas/import";
import { IMPORTS_LIST_CALL_PLAN } from "./list-call-plan";

/** Rows per screen of the imports list. */
export const IMPORTS_PAGE_SIZE = IMPORTS_LIST_CALL_PLAN.pageSize;

export interface ImportListFilters {
  status?: ImportStatus;
  destination?: string;
  region?: string;
}

export interface RegionPosition {
  /** ListImports NextToken of the page being read; absent for the first page. */
  token?: string;
  /** Items of that page already shown. */
  skip: number;
}

/** Where each still-unfinished Region stands. Regions missing from it are exhausted. */
export type ImportsCursor = Record<string, RegionPosition>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the list filters from URL search params, dropping values that don't parse (a stale or
 * hand-edited URL shows the unfiltered list instead of an error). Unknown Regions are dropped too.
 */
export function parseListFilters(
  params: Record<string, string | string[] | undefined>,
  configuredRegions: readonly string[],
): ImportListFilters {
  const filters: ImportListFilters = {};
  const status = importStatusSchema.safeParse(first(params.status));
  if (status.success) filters.status = status.data;
  const destination = eventDataStoreArnSchema.safeParse(first(params.destination));
  if (destination.success) filters.destination = destination.data;
  const region = awsRegionSchema.safeParse(first(params.region));
  if (region.success && configuredRegions.includes(region.data)) filters.region = region.data;
  return filters;
}

/** The Regions a filtered list reads: a destination pins its own Region; an impossible combination reads none. */
export function regionsToRead(
  filters: ImportListFilters,
  configuredRegions: readonly string[],
): string[] {
  const storeRegion = filters.destination
    ? parseEventDataStoreArn(filters.destination)?.region
    : undefined;
  return configuredRegions.filter(
    (region) =>
      (!filters.region || filters.region === region) && (!storeRegion || storeRegion === region),
  );
}

const positionSchema = z.strictObject({
  token: z.string().min(4).max(1000).optional(),
  skip: z.number().int().min(0).max(1000),
});
const cursorSchema = z.record(awsRegionSchema, positionSchema);

/** The cursor as an opaque, URL-safe string. */
export function encodeCursor(cursor: ImportsCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** Parses a cursor from a URL; `null` when it is missing, malformed or names an unconfigured Region. */
export function decodeCursor(
  raw: string | undefined,
  configuredRegions: readonly string[],
): ImportsCursor | null {
  if (!raw || raw.length > 8000) return null;
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(raw, "base64url").toString("utf8")),
    );
    if (!parsed.success) return null;
    const cursor: ImportsCursor = {};
    for (const [region, position] of Object.entries(parsed.data)) {
      if (!configuredRegions.includes(region)) return null;
      cursor[region] =
        position.token === undefined
          ? { skip: position.skip }
          : { token: position.token, skip: position.skip };
    }
    return Object.keys(cursor).length > 0 ? cursor : null;
  } catch {
    return null;
  }
}

/** The starting cursor: every Region at its first page. */
export function firstCursor(regions: readonly string[]): ImportsCursor {
  return Object.fromEntries(regions.map((region) => [region, { skip: 0 }]));
}

export interface RegionPage<T> {
  region: string;
  position: RegionPosition;
  items: T[];
  nextToken?: string;
}

function time(iso: string | undefined): number {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? 0 : value;
}

/**
 * Merges one page per Region newest first (by creation time, then id for a stable order), keeps
 * `pageSize` rows and works out the cursor for the next screen (`undefined` when all Regions
 * are exhausted).
 */
export function mergeRegionPages<T extends { importId: string; createdAt?: string | undefined }>(
  pages: readonly RegionPage<T>[],
  pageSize: number,
): { rows: (T & { region: string })[]; next?: ImportsCursor } {
  const candidates = pages.flatMap((page) =>
    page.items.slice(page.position.skip).map((item) => ({ ...item, region: page.region })),
  );
  candidates.sort(
    (a, b) => time(b.createdAt) - time(a.createdAt) || a.importId.localeCompare(b.importId),
  );
  const rows = candidates.slice(0, pageSize);
  const next: ImportsCursor = {};
  for (const page of pages) {
    const used = page.position.skip + rows.filter((row) => row.region === page.region).length;
    if (used < page.items.length) next[page.region] = { ...page.position, skip: used };
    else if (page.nextToken) next[page.region] = { token: page.nextToken, skip: 0 };
  }
  return Object.keys(next).length > 0 ? { rows, next } : { rows };
}

import "server-only";
import { mapWithConcurrency } from "./concurrency";
import { toCloudTrailFailure } from "./errors";
import { IMPORT_STARTER_UNKNOWN, lookupImportStarters } from "./import-starter";
import { getImport, listImportsPage } from "./imports";
import {
  IMPORTS_PAGE_SIZE,
  type ImportListFilters,
  type ImportsCursor,
  type RegionPage,
  encodeCursor,
  firstCursor,
  mergeRegionPages,
  regionsToRead,
} from "./imports-list-query";
import { configuredRegions } from "./regions";
import { listStoresWithDetails } from "./stores";
import type { Caller, ImportDetails, ImportSummary } from "./types";
import { IMPORTS_LIST_CALL_PLAN } from "./list-call-plan";

// Shared caches and identity: every read below goes through the caches in imports.ts and
// stores.ts, whose keys carry no caller (see cache.ts): the account's imports look the same to
// every signed-in person, and route handlers and pages authorize the person (authorizeRoute /
// requireUser) BEFORE calling in here, so a cached value is only ever served to someone allowed
// to read it. Twenty people watching one import therefore cost one GetImport per TTL window.

/** GetImport calls running at once while hydrating one screen of the list. */
export const LIST_HYDRATE_CONCURRENCY = IMPORTS_LIST_CALL_PLAN.hydrateConcurrency;

/**
 * Who started an import, from its StartImport record: `found` (SourceIdentity or principal ARN),
 * `missing` (not in CloudTrail event history, which keeps 90 days) or `unavailable` (lookup failed).
 */
export type StartedBy =
  { state: "found"; by: string } | { state: "missing" } | { state: "unavailable" };

/** A list row: the ListImports summary, completed by GetImport when that call succeeded. */
export interface ImportRow extends ImportDetails {
  /** false when GetImport failed: source, range and statistics are then unknown. */
  hydrated: boolean;
  storeName?: string;
  startedBy: StartedBy;
}

export interface StoreOption {
  arn: string;
  name: string;
  region: string;
}

export interface ImportListView {
  rows: ImportRow[];
  /** Opaque cursor of the next screen; absent on the last one. */
  nextCursor?: string;
  /** Regions that could not be listed; the rows of the others are still shown. */
  problems: { region: string; message: string }[];
  /** Destinations to filter by (every configured Region). */
  stores: StoreOption[];
  regions: string[];
}

async function storeOptions(caller: Caller): Promise<StoreOption[]> {
  try {
    const { stores } = await listStoresWithDetails(caller);
    return stores.map((store) => ({
      arn: store.arn,
      name: store.name ?? store.id ?? store.arn,
      region: store.region,
    }));
  } catch {
    // Names are a nicety: without them the list shows ARNs.
    return [];
  }
}

const startersKey = (row: { region: string; importId: string }) => `${row.region}|${row.importId}`;

function toStartedBy(starter: string | null | undefined): StartedBy {
  if (starter === IMPORT_STARTER_UNKNOWN) return { state: "unavailable" };
  return starter ? { state: "found", by: starter } : { state: "missing" };
}

/** Starters of a screen's imports keyed by startersKey; one batched lookup per Region. */
async function startersByRegion(
  caller: Caller,
  summaries: readonly ImportSummary[],
): Promise<Map<string, string | null>> {
  const byRegion = Map.groupBy(summaries, (summary) => summary.region);
  const found = await mapWithConcurrency(
    [...byRegion],
    LIST_HYDRATE_CONCURRENCY,
    async ([region, items]) => ({
      region,
      starters: await lookupImportStarters(caller, region, items),
    }),
  );
  return new Map(
    found.flatMap(({ region, starters }) =>
      [...starters].map(([importId, starter]) => [`${region}|${importId}`, starter] as const),
    ),
  );
}

/**
 * One screen of the all-Regions imports list: at most one ListImports page per Region (from the
 * cursor's positions), merged newest first, and only the rows shown hydrated with GetImport,
 * LIST_HYDRATE_CONCURRENCY at a time. Never loads the whole history.
 */
export async function listImportsView(
  caller: Caller,
  filters: ImportListFilters,
  cursor: ImportsCursor | null,
  pageSize: number = IMPORTS_PAGE_SIZE,
): Promise<ImportListView> {
  const regions = regionsToRead(filters, configuredRegions());
  const start = cursor ?? firstCursor(regions);
  const problems: ImportListView["problems"] = [];
  const storesPromise = storeOptions(caller);

  const pages = await Promise.all(
    regions
      .filter((region) => start[region] !== undefined)
      .map(async (region): Promise<RegionPage<ImportSummary> | null> => {
        const position = start[region] ?? { skip: 0 };
        try {
          const page = await listImportsPage(caller, region, {
            maxResults: pageSize,
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.destination ? { destination: filters.destination } : {}),
            ...(position.token ? { nextToken: position.token } : {}),
          });
          return {
            region,
            position,
            items: page.items,
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          };
        } catch (error) {
          problems.push({ region, message: toCloudTrailFailure(error, "listImports").message });
          return null;
        }
      }),
  );
  const { rows: summaries, next } = mergeRegionPages(
    pages.filter((page): page is RegionPage<ImportSummary> => page !== null),
    pageSize,
  );

  // One LookupEvents query per Region for the whole screen (CloudTrail allows 2 calls/s), beside
  // the GetImport hydration; cached starters cost nothing (see import-starter.ts).
  const startersPromise = startersByRegion(caller, summaries);
  const stores = await storesPromise;
  const names = new Map(stores.map((store) => [store.arn, store.name]));
  const hydrated = await mapWithConcurrency(
    summaries,
    LIST_HYDRATE_CONCURRENCY,
    async (summary): Promise<Omit<ImportRow, "startedBy">> => {
      const storeName = summary.destinations[0] ? names.get(summary.destinations[0]) : undefined;
      try {
        const details = await getImport(caller, summary.region, summary.importId);
        return { ...summary, ...details, hydrated: true, ...(storeName ? { storeName } : {}) };
      } catch {
        return { ...summary, hydrated: false, ...(storeName ? { storeName } : {}) };
      }
    },
  );
  const starters = await startersPromise;
  const rows = hydrated.map((row): ImportRow => ({
    ...row,
    startedBy: toStartedBy(starters.get(startersKey(row))),
  }));

  return {
    rows,
    ...(next ? { nextCursor: encodeCursor(next) } : {}),
    problems,
    stores,
    regions: [...configuredRegions()],
  };
}

/** What the detail page and its polling route show: the import plus its destination's name. */
export interface ImportView {
  import: ImportDetails;
  storeName?: string;
}

/** GetImport (cached, shared by all viewers) plus the destination's name when known. */
export async function getImportView(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportView> {
  const [details, stores] = await Promise.all([
    getImport(caller, region, importId),
    storeOptions(caller),
  ]);
  const arn = details.destinations[0];
  const storeName = arn ? stores.find((store) => store.arn === arn)?.name : undefined;
  return storeName ? { import: details, storeName } : { import: details };
}

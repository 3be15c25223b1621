import "server-only";
import { GetEventDataStoreCommand, paginateListEventDataStores } from "@aws-sdk/client-cloudtrail";
import { createSharedCache, processWide } from "./cache";
import { chargeCaller } from "./caller-budget";
import { cloudTrailFor } from "./client";
import { mapWithConcurrency } from "./concurrency";
import { toCloudTrailFailure, withOperation } from "./errors";
import { parseStoreDetails, parseStoreList } from "./parse";
import { configuredRegions } from "./regions";
import type {
  Caller,
  EventDataStoreDetails,
  EventDataStoreSummary,
  StoresWithDetails,
} from "./types";
import { IMPORTS_LIST_CALL_PLAN } from "./list-call-plan";

/** How many GetEventDataStore calls run at once per listing. */
export const STORE_DETAIL_CONCURRENCY = IMPORTS_LIST_CALL_PLAN.storeDetailConcurrency;

// Stores rarely change; 30 s keeps the destination picker fresh enough while a page full of
// viewers shares one listing. Keys carry no identity: see cache.ts.
const storesCache = processWide("stores", () =>
  createSharedCache<StoresWithDetails>({ maxEntries: 4, ttlMs: 30_000 }),
);

/** Every event data store in `region` (all pages): ARN, name and the ARN's parts. */
export function listEventDataStores(
  caller: Caller,
  region: string,
): Promise<EventDataStoreSummary[]> {
  return withOperation("listEventDataStores", region, async () => {
    await chargeCaller(caller);
    const client = cloudTrailFor(caller, region);
    const stores: EventDataStoreSummary[] = [];
    for await (const page of paginateListEventDataStores(
      { client, pageSize: IMPORTS_LIST_CALL_PLAN.storeListPageSize, stopOnSameToken: true },
      {},
    )) {
      stores.push(...parseStoreList(page.EventDataStores, region));
    }
    return stores;
  });
}

/** One store's full record; `arnOrId` may be the ARN or the id after `eventdatastore/`. */
export function getEventDataStore(
  caller: Caller,
  region: string,
  arnOrId: string,
): Promise<EventDataStoreDetails> {
  return withOperation("getEventDataStore", region, async () => {
    await chargeCaller(caller);
    const reply = await cloudTrailFor(caller, region).send(
      new GetEventDataStoreCommand({ EventDataStore: arnOrId }),
    );
    return parseStoreDetails(reply, region);
  });
}

async function loadAllStores(caller: Caller): Promise<StoresWithDetails> {
  const problems: StoresWithDetails["problems"] = [];
  const perRegion = await Promise.all(
    configuredRegions().map(async (region) => {
      let summaries: EventDataStoreSummary[];
      try {
        summaries = await listEventDataStores(caller, region);
      } catch (error) {
        problems.push({ region, failure: toCloudTrailFailure(error) });
        return [];
      }
      const details = await mapWithConcurrency(
        summaries,
        STORE_DETAIL_CONCURRENCY,
        async (summary) => {
          try {
            return [await getEventDataStore(caller, region, summary.arn)];
          } catch (error) {
            problems.push({ region, storeArn: summary.arn, failure: toCloudTrailFailure(error) });
            return [];
          }
        },
      );
      return details.flat();
    }),
  );
  return { stores: perRegion.flat(), problems };
}

/**
 * Every store in every configured Region with its details (List, then Get per store with
 * bounded concurrency), cached briefly. A Region or store that fails is reported in
 * `problems` and the rest of the list is still returned.
 */
export function listStoresWithDetails(caller: Caller): Promise<StoresWithDetails> {
  return storesCache.getOrLoad(
    "all",
    () => loadAllStores(caller),
    (result) => (result.problems.length > 0 ? 5_000 : 30_000),
  );
}

/** Forgets the cached store listing (after a change made elsewhere in the app). */
export function invalidateStores(): void {
  storesCache.invalidate("all");
}

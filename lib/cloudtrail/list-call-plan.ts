// The CloudTrail calls one screen of the imports list makes on a cold server cache. The page
// (imports-view.ts, stores.ts, import-starter.ts) takes its sizes from here, and the benchmark
// (e2e/bench/server-time.ts) replays the same plan with the SDK, so the two cannot drift apart.
// No imports and no "server-only": the benchmark runs it under plain Node.

export const IMPORTS_LIST_CALL_PLAN = {
  /** Rows on one screen; at most one ListImports page of this size per Region. */
  pageSize: 50,
  /** Beside the lists: ListEventDataStores pages of this size in every Region… */
  storeListPageSize: 100,
  /** …then GetEventDataStore for every store, this many at once. */
  storeDetailConcurrency: 4,
  /** Then GetImport for every row shown, this many at once. */
  hydrateConcurrency: 8,
  /**
   * And beside the GetImports, per Region with rows on screen, one LookupEvents query for the
   * StartImport events from `beforeMs` before the oldest row's creation to `afterMs` after the
   * newest (StartImport is recorded when the call returns, a moment after creation), reading at
   * most `maxPages` pages: CloudTrail allows 2 LookupEvents calls per second per Region.
   */
  starters: { pageSize: 50, maxPages: 2, beforeMs: 60_000, afterMs: 5 * 60_000 },
} as const;

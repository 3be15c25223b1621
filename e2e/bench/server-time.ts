// /imports full-HTML response time against the CloudTrail calls that page makes, measured in the
// same run against the same Lake. The SDK side follows the page's own call plan
// (lib/cloudtrail/list-call-plan.ts) on a cold server cache: ListImports per Region in parallel
// with the store listing (ListEventDataStores per Region, then GetEventDataStore per store), then
// GetImport for the rows shown beside one LookupEvents query per Region for who started them.
// Each run reads a different page of the 10,000 imports (a cursor built from ListImports tokens)
// so nothing is served from the app's cache, and waits out the 30 s store-list TTL so the app
// lists stores again, just as the SDK side does. A run counts only when both made the same calls.
import {
  type CloudTrailClient,
  GetEventDataStoreCommand,
  GetImportCommand,
  ListImportsCommand,
  type ImportsListItem,
  paginateListEventDataStores,
  paginateLookupEvents,
} from "@aws-sdk/client-cloudtrail";
import { IMPORTS_LIST_CALL_PLAN as PLAN } from "../../lib/cloudtrail/list-call-plan.ts";
import type { BenchConfig } from "./config.ts";
import { clearCalls, clientFor, countCalls, setLatency } from "./lake.ts";
import { pause } from "./processes.ts";
import { mapLimit, median, timed } from "./stats.ts";

const PAGE_SIZE = PLAN.pageSize;
/** Longest TTL among the caches a cold /imports render fills (stores.ts: 30 s), plus slack. */
const STORE_CACHE_TTL_MS = 31_000;

/** ListImports NextToken per Region: where one screen of the merged list starts. */
type PageTokens = Record<string, string>;

/** Tokens of `count` distinct list pages (pages 2, 3, … of every Region; page 1 is what sign-in showed). */
async function pageTokens(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  count: number,
): Promise<PageTokens[]> {
  const perRegion = await Promise.all(
    config.regions.map(async (region) => {
      const tokens: string[] = [];
      let token: string | undefined;
      while (tokens.length < count) {
        const reply = await clientFor(clients, region).send(
          new ListImportsCommand({ MaxResults: PAGE_SIZE, NextToken: token }),
        );
        if (!reply.NextToken)
          throw new Error(`Region ${region} has fewer than ${count + 1} pages of imports.`);
        token = reply.NextToken;
        tokens.push(token);
      }
      return tokens;
    }),
  );
  return Array.from({ length: count }, (_, page) =>
    Object.fromEntries(
      config.regions.map((region, index) => [region, perRegion[index]?.[page] ?? ""]),
    ),
  );
}

/** ListEventDataStores (all pages) then GetEventDataStore per store; returns the number of calls. */
async function listStores(client: CloudTrailClient): Promise<number> {
  const arns: string[] = [];
  let pages = 0;
  for await (const page of paginateListEventDataStores(
    { client, pageSize: PLAN.storeListPageSize, stopOnSameToken: true },
    {},
  )) {
    pages += 1;
    for (const store of page.EventDataStores ?? [])
      if (store.EventDataStoreArn) arns.push(store.EventDataStoreArn);
  }
  await mapLimit(arns, PLAN.storeDetailConcurrency, (arn) =>
    client.send(new GetEventDataStoreCommand({ EventDataStore: arn })),
  );
  return pages + arns.length;
}

/** The starters lookup of one Region's rows: LookupEvents pages read, as the page reads them. */
async function lookUpStarters(client: CloudTrailClient, created: number[]): Promise<number> {
  const { pageSize, maxPages, beforeMs, afterMs } = PLAN.starters;
  let read = 0;
  for await (const page of paginateLookupEvents(
    { client, pageSize, stopOnSameToken: true },
    {
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
      StartTime: new Date(Math.min(...created) - beforeMs),
      EndTime: new Date(Math.max(...created) + afterMs),
    },
  )) {
    read += 1;
    if (!page.NextToken || read >= maxPages) break;
  }
  return read;
}

/** The page's calls for one screen: the ids of the rows it shows (newest first) and how many calls were made. */
async function pageCalls(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  tokens: PageTokens,
): Promise<{ ids: string[]; calls: number }> {
  const stores = Promise.all(
    config.regions.map((region) => listStores(clientFor(clients, region))),
  );
  const lists = await Promise.all(
    config.regions.map(async (region) => {
      const reply = await clientFor(clients, region).send(
        new ListImportsCommand({ MaxResults: PAGE_SIZE, NextToken: tokens[region] }),
      );
      return (reply.Imports ?? []).map((item: ImportsListItem) => ({ region, item }));
    }),
  );
  await stores;
  const rows = lists
    .flat()
    .sort(
      (a, b) =>
        (b.item.CreatedTimestamp?.getTime() ?? 0) - (a.item.CreatedTimestamp?.getTime() ?? 0) ||
        (a.item.ImportId ?? "").localeCompare(b.item.ImportId ?? ""),
    )
    .slice(0, PAGE_SIZE);
  const byRegion = [...Map.groupBy(rows, (row) => row.region)];
  const [, lookups] = await Promise.all([
    mapLimit(rows, PLAN.hydrateConcurrency, ({ region, item }) =>
      clientFor(clients, region).send(new GetImportCommand({ ImportId: item.ImportId })),
    ),
    mapLimit(byRegion, PLAN.hydrateConcurrency, ([region, regionRows]) =>
      lookUpStarters(
        clientFor(clients, region),
        regionRows.map(({ item }) => item.CreatedTimestamp?.getTime() ?? Date.now()),
      ),
    ),
  ]);
  const storeCalls = (await stores).reduce((sum, calls) => sum + calls, 0);
  const lookupCalls = lookups.reduce((sum, calls) => sum + calls, 0);
  return {
    ids: rows.map(({ item }) => item.ImportId ?? ""),
    calls: storeCalls + lists.length + rows.length + lookupCalls,
  };
}

function cursorFor(tokens: PageTokens): string {
  const cursor = Object.fromEntries(
    Object.entries(tokens).map(([region, token]) => [region, { token, skip: 0 }]),
  );
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

async function appPage(
  config: BenchConfig,
  cookie: string,
  tokens: PageTokens,
  expectId: string,
): Promise<number> {
  const { ms, value: html } = await timed(async () => {
    const response = await fetch(`${config.appOrigin}/imports?cursor=${cursorFor(tokens)}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    if (response.status !== 200) throw new Error(`/imports answered ${response.status}.`);
    return response.text();
  });
  // The cursor must have been honoured, or the app rendered a page whose rows may be cached.
  if (!html.includes(expectId))
    throw new Error("/imports did not render the page the cursor points at.");
  return ms;
}

export interface ServerTimeRun {
  appMs: number;
  sdkMs: number;
  ratio: number;
  /** CloudTrail calls the app made for its render; the run is invalid unless it equals `sdkCalls`. */
  appCalls: number;
  sdkCalls: number;
}

export interface ServerTimeResult {
  runs: ServerTimeRun[];
  appMs: number;
  sdkMs: number;
  /** Median of the per-run ratios (each run pairs the app and the SDK on the same page). */
  ratio: number;
  /** Runs where the app and the SDK side made a different number of calls (the ratio is then meaningless). */
  mismatchedRuns: number;
  /** Latency the Lake added to every CloudTrail call during the runs (both sides pay it alike). */
  latencyMs: number;
}

/** Times `config.serverTimeRuns` cold /imports renders against the same calls made directly. */
export async function measureServerTime(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  cookie: string,
  log: (line: string) => void,
): Promise<ServerTimeResult> {
  const pages = await pageTokens(config, clients, config.serverTimeRuns + 1);
  await setLatency(config, config.serverTimeLatencyMs);
  try {
    return await timeRuns(config, clients, cookie, log, pages);
  } finally {
    await setLatency(config, 0);
  }
}

async function timeRuns(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  cookie: string,
  log: (line: string) => void,
  pages: PageTokens[],
): Promise<ServerTimeResult> {
  // Warm the SDK side (connections, credentials, signing) on a page no run uses.
  const [warmup, ...runPages] = pages;
  if (warmup) await pageCalls(config, clients, warmup);
  const runs: ServerTimeRun[] = [];
  for (const [index, tokens] of runPages.entries()) {
    log(
      `  server time ${index + 1}/${runPages.length}: waiting ${STORE_CACHE_TTL_MS / 1000} s for the app's caches to expire`,
    );
    await pause(STORE_CACHE_TTL_MS);
    // Alternate which side goes first, so neither always meets a Lake the other just warmed.
    let sdk: { ms: number; value: { ids: string[]; calls: number } } | undefined;
    if (index % 2 === 1) sdk = await timed(() => pageCalls(config, clients, tokens));
    const expectId = sdk?.value.ids[0] ?? (await peekFirstId(config, clients, tokens));
    await clearCalls(config);
    const appMs = await appPage(config, cookie, tokens, expectId);
    const appCalls = (await countCalls(config)).cloudtrail;
    sdk ??= await timed(() => pageCalls(config, clients, tokens));
    runs.push({ appMs, sdkMs: sdk.ms, ratio: appMs / sdk.ms, appCalls, sdkCalls: sdk.value.calls });
  }
  return {
    runs,
    appMs: median(runs.map((run) => run.appMs)),
    sdkMs: median(runs.map((run) => run.sdkMs)),
    ratio: median(runs.map((run) => run.ratio)),
    mismatchedRuns: runs.filter((run) => run.appCalls !== run.sdkCalls).length,
    latencyMs: config.serverTimeLatencyMs,
  };
}

/** The newest row of a screen, from ListImports alone (no GetImport, so nothing the app would cache). */
async function peekFirstId(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  tokens: PageTokens,
): Promise<string> {
  const firsts = await Promise.all(
    config.regions.map(async (region) => {
      const reply = await clientFor(clients, region).send(
        new ListImportsCommand({ MaxResults: PAGE_SIZE, NextToken: tokens[region] }),
      );
      return reply.Imports ?? [];
    }),
  );
  const newest = firsts
    .flat()
    .sort((a, b) => (b.CreatedTimestamp?.getTime() ?? 0) - (a.CreatedTimestamp?.getTime() ?? 0))[0];
  if (!newest?.ImportId) throw new Error("The benchmark page has no imports.");
  return newest.ImportId;
}

import "server-only";
import { paginateLookupEvents } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { createSharedCache, processWide } from "./cache";
import { chargeCaller } from "./caller-budget";
import { cloudTrailFor } from "./client";
import { getImport } from "./imports";
import type { Caller } from "./types";
import { IMPORTS_LIST_CALL_PLAN } from "./list-call-plan";

/** What lookupImportStarter returns when it couldn't find out (never thrown). */
export const IMPORT_STARTER_UNKNOWN = "unknown";

/** How far around the import's creation time to search, and how many pages to read at most. */
const WINDOW_MS = 15 * 60_000;
const MAX_PAGES = 10;

const startImportRecord = z.object({
  userIdentity: z
    .object({
      arn: z.string().optional().catch(undefined),
      sessionContext: z
        .object({ sourceIdentity: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  requestParameters: z
    .object({ importId: z.string().optional().catch(undefined) })
    .nullish()
    .catch(undefined),
  responseElements: z
    .object({ importId: z.string().optional().catch(undefined) })
    .nullish()
    .catch(undefined),
});
type StartImportRecord = z.output<typeof startImportRecord>;

function parseRecord(json: string | undefined): StartImportRecord | undefined {
  if (!json) return undefined;
  try {
    const parsed = startImportRecord.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function starterOf(record: StartImportRecord): string | null {
  return record.userIdentity?.sessionContext?.sourceIdentity ?? record.userIdentity?.arn ?? null;
}

async function lookUp(
  caller: Caller,
  region: string,
  importId: string,
  createdAt: string | undefined,
): Promise<{ starter: string | null; settled: boolean }> {
  const created = createdAt ?? (await getImport(caller, region, importId)).createdAt;
  const around = created ? new Date(created).getTime() : undefined;
  // A miss on an import older than CloudTrail's delivery delay will stay a miss.
  const settled = around !== undefined && Date.now() - around > SETTLED_AFTER_MS;
  await chargeCaller(caller);
  const client = cloudTrailFor(caller, region);
  const pages = paginateLookupEvents(
    { client, pageSize: 50, stopOnSameToken: true },
    {
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
      ...(around === undefined
        ? {}
        : { StartTime: new Date(around - WINDOW_MS), EndTime: new Date(around + WINDOW_MS) }),
    },
  );
  let retryStarter: string | null = null;
  let read = 0;
  for await (const page of pages) {
    for (const event of page.Events ?? []) {
      const record = parseRecord(event.CloudTrailEvent);
      if (!record || record.responseElements?.importId !== importId) continue;
      // Retries are StartImport calls too; only the call without an ImportId created the import.
      if (!record.requestParameters?.importId) return { starter: starterOf(record), settled };
      retryStarter ??= starterOf(record);
    }
    if (++read >= MAX_PAGES) break;
  }
  return { starter: retryStarter, settled };
}

// Who started an import never changes: a found answer is kept for a day. "Not found yet" is kept
// briefly (CloudTrail delivers events minutes late) and "unknown" not at all. Keys: see cache.ts.
const FOUND_TTL_MS = 24 * 60 * 60_000;
const NOT_FOUND_TTL_MS = 60_000;
const starterCache = processWide("import-starters", () =>
  createSharedCache<string | null>({ maxEntries: 5000, ttlMs: FOUND_TTL_MS }),
);

/**
 * Who started an import, from the StartImport event in CloudTrail event history: the session's
 * SourceIdentity (the person, in per-user mode) or else the principal ARN. `null` when no
 * event matches; IMPORT_STARTER_UNKNOWN when the lookup failed. Never throws.
 * Pass `createdAt` when known to skip a GetImport and narrow the search window.
 */
export async function lookupImportStarter(
  caller: Caller,
  region: string,
  importId: string,
  options: { createdAt?: string } = {},
): Promise<string | null> {
  let missTtl = NOT_FOUND_TTL_MS;
  try {
    return await starterCache.getOrLoad(
      `${region}|${importId}`,
      async () => {
        const { starter, settled } = await lookUp(caller, region, importId, options.createdAt);
        if (settled) missTtl = OLD_NOT_FOUND_TTL_MS;
        return starter;
      },
      (starter) => (starter === null ? missTtl : FOUND_TTL_MS),
    );
  } catch {
    return IMPORT_STARTER_UNKNOWN;
  }
}

// The batch's window and page limit are part of the list's call plan (see list-call-plan.ts).
const {
  pageSize: BATCH_PAGE_SIZE,
  maxPages: BATCH_MAX_PAGES,
  beforeMs: BATCH_BEFORE_MS,
  afterMs: BATCH_AFTER_MS,
} = IMPORTS_LIST_CALL_PLAN.starters;
// A miss on an older import means it is not in event history (90 days): no need to ask again soon.
const SETTLED_AFTER_MS = 15 * 60_000;
const OLD_NOT_FOUND_TTL_MS = 60 * 60_000;

interface BatchResult {
  starters: Map<string, string>;
  /** Events older than this were not read (the page limit was hit); undefined = all read. */
  readDownTo?: number;
}

async function lookUpMany(caller: Caller, region: string, times: number[]): Promise<BatchResult> {
  await chargeCaller(caller);
  const pages = paginateLookupEvents(
    { client: cloudTrailFor(caller, region), pageSize: BATCH_PAGE_SIZE, stopOnSameToken: true },
    {
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
      StartTime: new Date(Math.min(...times) - BATCH_BEFORE_MS),
      EndTime: new Date(Math.max(...times) + BATCH_AFTER_MS),
    },
  );
  const starters = new Map<string, string>();
  let oldest = Infinity;
  let read = 0;
  for await (const page of pages) {
    for (const event of page.Events ?? []) {
      oldest = Math.min(oldest, event.EventTime?.getTime() ?? oldest);
      const record = parseRecord(event.CloudTrailEvent);
      const importId = record?.responseElements?.importId;
      // A retry's request names the import; only the call without one created it.
      if (!record || !importId || record.requestParameters?.importId) continue;
      const starter = starterOf(record);
      if (starter) starters.set(importId, starter);
    }
    if (!page.NextToken) return { starters };
    if (++read >= BATCH_MAX_PAGES) break;
  }
  return { starters, readDownTo: oldest };
}

/**
 * lookupImportStarter for one screen of imports in one Region at the cost of ONE LookupEvents
 * query (at most two pages) over their creation times, instead of one per import. Fills the
 * per-import cache, so cached imports cost nothing and the detail page reuses the answers.
 * Imports without createdAt, or older than what two pages reached, are answered `null` without
 * caching. Never throws: a failed query answers IMPORT_STARTER_UNKNOWN for the uncached imports.
 */
export async function lookupImportStarters(
  caller: Caller,
  region: string,
  imports: readonly { importId: string; createdAt?: string }[],
): Promise<Map<string, string | null>> {
  const dated = imports.flatMap(({ importId, createdAt }) => {
    const time = createdAt ? Date.parse(createdAt) : NaN;
    return Number.isNaN(time) ? [] : [{ importId, time }];
  });
  let batch: Promise<BatchResult> | undefined;
  // Started only by the first cache miss, so a screen that is all cached makes no call.
  const runBatch = () =>
    (batch ??= lookUpMany(
      caller,
      region,
      dated.map((item) => item.time),
    ));
  const answers = new Map<string, string | null>(imports.map((item) => [item.importId, null]));
  await Promise.all(
    dated.map(async ({ importId, time }) => {
      let ttl = 0;
      try {
        const starter = await starterCache.getOrLoad(
          `${region}|${importId}`,
          async () => {
            const { starters, readDownTo } = await runBatch();
            const found = starters.get(importId) ?? null;
            const covered = readDownTo === undefined || time - BATCH_BEFORE_MS >= readDownTo;
            if (found) ttl = FOUND_TTL_MS;
            else if (covered)
              ttl = Date.now() - time > SETTLED_AFTER_MS ? OLD_NOT_FOUND_TTL_MS : NOT_FOUND_TTL_MS;
            return found;
          },
          () => ttl,
        );
        answers.set(importId, starter);
      } catch {
        answers.set(importId, IMPORT_STARTER_UNKNOWN);
      }
    }),
  );
  return answers;
}

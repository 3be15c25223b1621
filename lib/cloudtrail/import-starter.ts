import "server-only";
import { paginateLookupEvents } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { createSharedCache, processWide } from "./cache";
import { cloudTrailFor } from "./client";
import { getImport } from "./imports";
import type { Caller } from "./types";

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
): Promise<string | null> {
  const created = createdAt ?? (await getImport(caller, region, importId)).createdAt;
  const around = created ? new Date(created).getTime() : undefined;
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
      if (!record.requestParameters?.importId) return starterOf(record);
      retryStarter ??= starterOf(record);
    }
    if (++read >= MAX_PAGES) break;
  }
  return retryStarter;
}

// Who started an import never changes: a found answer is kept for a day. "Not found yet" is kept
// briefly (CloudTrail delivers events minutes late) and "unknown" not at all. Keys: see cache.ts.
const starterCache = processWide("import-starters", () =>
  createSharedCache<string | null>({ maxEntries: 5000, ttlMs: 24 * 60 * 60_000 }),
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
  try {
    return await starterCache.getOrLoad(
      `${region}|${importId}`,
      () => lookUp(caller, region, importId, options.createdAt),
      (starter) => (starter === null ? 60_000 : 24 * 60 * 60_000),
    );
  } catch {
    return IMPORT_STARTER_UNKNOWN;
  }
}

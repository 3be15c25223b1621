import "server-only";
import {
  GetImportCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import {
  type ImportStatus,
  type StartImportInput,
  parseEventDataStoreArn,
} from "@/lib/schemas/import";
import { createSharedCache, processWide } from "./cache";
import { chargeCaller } from "./caller-budget";
import { createExpiringLocks } from "./expiring-locks";
import { forgetMissing, rememberingMissing } from "./missing-imports";
import { cloudTrailFor } from "./client";
import { CloudTrailAppError, withOperation } from "./errors";
import { parseFailureList, parseImport, parseImportList } from "./parse";
import { assertConfiguredRegion, regionOfStoreArn } from "./regions";
import type { Caller, ImportDetails, ImportFailure, ImportSummary, Page } from "./types";

const TERMINAL = new Set<string>(["COMPLETED", "FAILED", "STOPPED"]);

/** Whether an import has finished (its details won't change unless someone retries it). */
export function isTerminalImport(status: string): boolean {
  return TERMINAL.has(status);
}

// Short TTLs: enough for a room of viewers polling every 10–30 s to share calls, short enough
// that a status change shows up promptly. Finished imports keep longer. Keys: see cache.ts.
const importCache = processWide("imports", () =>
  createSharedCache<ImportDetails>({ maxEntries: 2000, ttlMs: 5_000 }),
);
const listCache = processWide("import-lists", () =>
  createSharedCache<Page<ImportSummary>>({ maxEntries: 200, ttlMs: 5_000 }),
);
const failuresCache = processWide("import-failures", () =>
  createSharedCache<Page<ImportFailure>>({ maxEntries: 500, ttlMs: 10_000 }),
);

function forgetImport(region: string, importId: string): void {
  importCache.invalidate(`${region}|${importId}`);
  forgetMissing(`${region}|${importId}`);
  listCache.invalidateWhere((key) => key.startsWith(`${region}|`));
  failuresCache.invalidateWhere((key) => key.startsWith(`${region}|${importId}|`));
}

/** GetImport, with statistics. Finished imports are cached for 5 minutes, running ones for 5 s. */
export async function getImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  assertConfiguredRegion(region, "getImport");
  const load = () =>
    importCache.getOrLoad(
      `${region}|${importId}`,
      () =>
        withOperation("getImport", region, async () => {
          chargeCaller(caller);
          const reply = await cloudTrailFor(caller, region).send(
            new GetImportCommand({ ImportId: importId }),
          );
          return parseImport(reply, region, "GetImport");
        }),
      (details) => (isTerminalImport(details.status) ? 5 * 60_000 : 5_000),
    );
  return rememberingMissing(`${region}|${importId}`, load);
}

// A double click or replay in this process must not send two StartImport calls for one account
// and Region; AWS would likely refuse the second anyway (notes a.7), but not provably.
// The lock expires after a minute: the SDK's timeouts (http-options.ts) end a call long before that.
const startsInFlight = processWide("start-locks", () => createExpiringLocks(60_000));

/** Starts a new import in the destination's Region (parsed from the store ARN). */
export async function startImport(caller: Caller, input: StartImportInput): Promise<ImportDetails> {
  const region = regionOfStoreArn(input.destination, "startImport");
  const guardKey = `${parseEventDataStoreArn(input.destination)?.accountId ?? ""}|${region}`;
  const lock = startsInFlight.tryAcquire(guardKey);
  if (!lock) {
    throw new CloudTrailAppError(
      "AccountHasOngoingImportException",
      "Another start for this account is already in flight",
    );
  }
  try {
    return await withOperation("startImport", region, async () => {
      const reply = await cloudTrailFor(caller, region).send(
        new StartImportCommand({
          Destinations: [input.destination],
          ImportSource: {
            S3: {
              S3LocationUri: input.s3Uri,
              S3BucketRegion: input.bucketRegion,
              S3BucketAccessRoleArn: input.roleArn,
            },
          },
          StartEventTime: input.startTime,
          EndEventTime: input.endTime,
        }),
      );
      const details = parseImport(reply, region, "StartImport");
      forgetImport(region, details.importId);
      return details;
    });
  } finally {
    startsInFlight.release(guardKey, lock);
  }
}

/** Retries a failed or stopped import: StartImport with only the ImportId (notes a.7). */
export function retryImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  return withOperation("retryImport", region, async () => {
    try {
      const reply = await cloudTrailFor(caller, region).send(
        new StartImportCommand({ ImportId: importId }),
      );
      return parseImport(reply, region, "StartImport (retry)");
    } finally {
      forgetImport(region, importId);
    }
  });
}

/** Stops a running import. */
export function stopImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  return withOperation("stopImport", region, async () => {
    try {
      const reply = await cloudTrailFor(caller, region).send(
        new StopImportCommand({ ImportId: importId }),
      );
      return parseImport(reply, region, "StopImport");
    } finally {
      forgetImport(region, importId);
    }
  });
}

export interface ListImportsOptions {
  status?: ImportStatus;
  destination?: string;
  nextToken?: string;
  maxResults: number;
}

/** One page of ListImports. Items carry no source, range or statistics; see getImport. */
export async function listImportsPage(
  caller: Caller,
  region: string,
  options: ListImportsOptions,
): Promise<Page<ImportSummary>> {
  assertConfiguredRegion(region, "listImports");
  const key = [
    region,
    options.status ?? "",
    options.destination ?? "",
    options.nextToken ?? "",
    options.maxResults,
  ].join("|");
  return listCache.getOrLoad(key, () =>
    withOperation("listImports", region, async () => {
      chargeCaller(caller);
      const reply = await cloudTrailFor(caller, region).send(
        new ListImportsCommand({
          MaxResults: options.maxResults,
          ImportStatus: options.status,
          Destination: options.destination,
          NextToken: options.nextToken,
        }),
      );
      const items = parseImportList(reply.Imports, region);
      return reply.NextToken ? { items, nextToken: reply.NextToken } : { items };
    }),
  );
}

/** One page of ListImportFailures for an import. */
export async function listImportFailuresPage(
  caller: Caller,
  region: string,
  importId: string,
  options: { nextToken?: string; maxResults: number },
): Promise<Page<ImportFailure>> {
  assertConfiguredRegion(region, "listImportFailures");
  const key = [region, importId, options.nextToken ?? "", options.maxResults].join("|");
  return failuresCache.getOrLoad(key, () =>
    withOperation("listImportFailures", region, async () => {
      chargeCaller(caller);
      const reply = await cloudTrailFor(caller, region).send(
        new ListImportFailuresCommand({
          ImportId: importId,
          MaxResults: options.maxResults,
          NextToken: options.nextToken,
        }),
      );
      const items = parseFailureList(reply.Failures);
      return reply.NextToken ? { items, nextToken: reply.NextToken } : { items };
    }),
  );
}

import "server-only";
import {
  type CloudTrailClient,
  GetImportCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import { isTerminalStatus } from "@/lib/imports/status";
import type { ImportStatus, StartImportInput } from "@/lib/schemas/import";
import { createSharedCache, processWide } from "./cache";
import { chargeCaller } from "./caller-budget";
import { forgetMissing, rememberingMissing } from "./missing-imports";
import { forgetPreflights } from "./preflight-results";
import { cloudTrailFor } from "./client";
import { withOperation } from "./errors";
import { parseFailureList, parseImport, parseImportList } from "./parse";
import { assertConfiguredRegion, regionOfStoreArn } from "./regions";
import type { Caller, ImportDetails, ImportFailure, ImportSummary, Page } from "./types";

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

function forgetFailures(region: string, importId: string): void {
  failuresCache.invalidateWhere((key) => key.startsWith(`${region}|${importId}|`));
}

function forgetImport(region: string, importId: string): void {
  importCache.invalidate(`${region}|${importId}`);
  forgetMissing(`${region}|${importId}`);
  listCache.invalidateWhere((key) => key.startsWith(`${region}|`));
  forgetFailures(region, importId);
  forgetPreflights();
}

/**
 * GetImport, with statistics. Finished imports are cached for 5 minutes, running ones for 5 s;
 * `maxAgeMs` asks for a read no older than that (the plan runner acts on what it reads).
 */
export async function getImport(
  caller: Caller,
  region: string,
  importId: string,
  options: { maxAgeMs?: number } = {},
): Promise<ImportDetails> {
  assertConfiguredRegion(region, "getImport");
  const load = () =>
    importCache.getOrLoad(
      `${region}|${importId}`,
      () =>
        withOperation("getImport", region, async () => {
          await chargeCaller(caller);
          const reply = await cloudTrailFor(caller, region).send(
            new GetImportCommand({ ImportId: importId }),
          );
          const details = parseImport(reply, region, "GetImport");
          // Failure pages read while it ran (RETRY entries) must not outlive the end of the run.
          if (isTerminalStatus(details.status)) forgetFailures(region, importId);
          return details;
        }),
      (details) => (isTerminalStatus(details.status) ? 5 * 60_000 : 5_000),
      options,
    );
  return rememberingMissing(`${region}|${importId}`, load);
}

/**
 * Starts a new import in the destination's Region (parsed from the store ARN). Only one start per
 * account and Region may be in flight: callers go through the start guard (lib/imports/start-guard.ts).
 */
export async function startImport(caller: Caller, input: StartImportInput): Promise<ImportDetails> {
  const region = regionOfStoreArn(input.destination, "startImport");
  return withOperation("startImport", region, async () => {
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
}

// Retry is StartImport with only the ImportId: CloudTrail resumes a FAILED or STOPPED import
// where it left off rather than creating a new one.
const COMMANDS = {
  retryImport: {
    reply: "StartImport (retry)",
    send: (client: CloudTrailClient, id: string) =>
      client.send(new StartImportCommand({ ImportId: id })),
  },
  stopImport: {
    reply: "StopImport",
    send: (client: CloudTrailClient, id: string) =>
      client.send(new StopImportCommand({ ImportId: id })),
  },
} as const;

function runImportCommand(
  operation: keyof typeof COMMANDS,
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  const { send, reply } = COMMANDS[operation];
  return withOperation(operation, region, async () => {
    try {
      return parseImport(await send(cloudTrailFor(caller, region), importId), region, reply);
    } finally {
      forgetImport(region, importId);
    }
  });
}

/** Retries a failed or stopped import. */
export function retryImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  return runImportCommand("retryImport", caller, region, importId);
}

/** Stops a running import. */
export function stopImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  return runImportCommand("stopImport", caller, region, importId);
}

export interface ListImportsOptions {
  status?: ImportStatus;
  destination?: string;
  nextToken?: string;
  maxResults: number;
  /** Serve only a listing no older than this (the plan runner acts on what it reads). */
  maxAgeMs?: number;
  /** Read past the cache (sharing only a load started within the last second). */
  fresh?: boolean;
}

/** A `fresh` list still shares a load started this recently. */
const FRESH_LIST_MS = 1_000;

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
  return listCache.getOrLoad(
    key,
    () =>
      withOperation("listImports", region, async () => {
        await chargeCaller(caller);
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
    undefined,
    options.fresh
      ? { maxAgeMs: FRESH_LIST_MS }
      : options.maxAgeMs === undefined
        ? {}
        : { maxAgeMs: options.maxAgeMs },
  );
}

/** A `fresh` read still shares a load started this recently (many viewers see one transition). */
const FRESH_FAILURES_MS = 1_000;

/** One page of ListImportFailures for an import; `fresh` reads past the cache. */
export async function listImportFailuresPage(
  caller: Caller,
  region: string,
  importId: string,
  options: { nextToken?: string; maxResults: number; fresh?: boolean },
): Promise<Page<ImportFailure>> {
  assertConfiguredRegion(region, "listImportFailures");
  const key = [region, importId, options.nextToken ?? "", options.maxResults].join("|");
  return failuresCache.getOrLoad(
    key,
    () =>
      withOperation("listImportFailures", region, async () => {
        await chargeCaller(caller);
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
    undefined,
    options.fresh ? { maxAgeMs: FRESH_FAILURES_MS } : {},
  );
}

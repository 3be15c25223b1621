import "server-only";
import { fetched, type Fetched, type ImportFacts, type StoreFacts } from "@/lib/preflight/facts";
import { ONGOING_STATUSES } from "@/lib/preflight/ongoing";
import { PREFLIGHT_LIMITS } from "@/lib/preflight/plan";
import { getImport, listImportsPage } from "../imports";
import { getEventDataStore } from "../stores";
import type { Caller, ImportDetails, ImportSummary } from "../types";
import { readFailure } from "./failures";

/** Imports that copied events (the overlap check reads their ranges). */
const COPIED = new Set(["COMPLETED", "STOPPED", "FAILED"]);

/** GetEventDataStore, as the checks read it. */
export async function readStore(
  caller: Caller,
  region: string,
  arn: string,
): Promise<Fetched<StoreFacts>> {
  try {
    const s = await getEventDataStore(caller, region, arn);
    return fetched({
      arn: s.arn,
      region: s.region,
      ...(s.accountId ? { accountId: s.accountId } : {}),
      status: s.status,
      category: s.category,
      eventCategories: s.eventCategories,
      organizationEnabled: s.organizationEnabled,
      ...(s.retentionPeriodDays !== undefined
        ? { retentionPeriodDays: s.retentionPeriodDays }
        : {}),
      ...(s.billingMode ? { billingMode: s.billingMode } : {}),
      ...(s.createdAt ? { createdAt: s.createdAt } : {}),
    });
  } catch (error) {
    return readFailure(error, "cloudtrail:GetEventDataStore", ["EventDataStoreNotFoundException"]);
  }
}

function summaryFacts(i: ImportSummary): ImportFacts {
  return {
    importId: i.importId,
    region: i.region,
    status: i.status,
    destinations: i.destinations,
    ...(i.createdAt ? { createdAt: i.createdAt } : {}),
    ...(i.updatedAt ? { updatedAt: i.updatedAt } : {}),
  };
}

function detailFacts(i: ImportDetails): ImportFacts {
  return {
    ...summaryFacts(i),
    ...(i.startEventTime ? { startEventTime: i.startEventTime } : {}),
    ...(i.endEventTime ? { endEventTime: i.endEventTime } : {}),
    ...(i.statistics
      ? {
          statistics: {
            filesCompleted: i.statistics.filesCompleted,
            eventsCompleted: i.statistics.eventsCompleted,
          },
        }
      : {}),
  };
}

/** Initializing and in-progress imports in each Region. */
export async function readOngoing(
  caller: Caller,
  regions: readonly string[],
): Promise<Record<string, Fetched<ImportFacts[]>>> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, Fetched<ImportFacts[]>]> => {
      try {
        const pages = await Promise.all(
          ONGOING_STATUSES.map((status) =>
            // Fresh: a start refused for a running import is exactly what this check predicts.
            listImportsPage(caller, region, { status, maxResults: 1000, fresh: true }),
          ),
        );
        return [region, fetched(pages.flatMap((p) => p.items.map(summaryFacts)))];
      } catch (error) {
        return [region, readFailure(error, "cloudtrail:ListImports")];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The imports into `storeArn` that copied events, newest first, with their ranges. */
export async function readDestinationImports(
  caller: Caller,
  region: string,
  storeArn: string,
): Promise<Fetched<ImportFacts[]>> {
  try {
    const summaries: ImportSummary[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < PREFLIGHT_LIMITS.destinationImportPages; page++) {
      const reply = await listImportsPage(caller, region, {
        destination: storeArn,
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      });
      summaries.push(...reply.items);
      nextToken = reply.nextToken;
      if (!nextToken) break;
    }
    const copied = summaries
      .filter((i) => COPIED.has(i.status))
      .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""))
      .slice(0, PREFLIGHT_LIMITS.destinationImportDetails);
    const details = await Promise.all(copied.map((i) => getImport(caller, region, i.importId)));
    return fetched(details.map(detailFacts));
  } catch (error) {
    return readFailure(error, "cloudtrail:GetImport");
  }
}

/** Recent completed imports in the store's Region, with statistics, for the import speed. */
export async function readHistory(caller: Caller, region: string): Promise<Fetched<ImportFacts[]>> {
  try {
    const { items } = await listImportsPage(caller, region, {
      status: "COMPLETED",
      maxResults: PREFLIGHT_LIMITS.historyImports,
    });
    const details = await Promise.all(
      items
        .slice(0, PREFLIGHT_LIMITS.historyImports)
        .map((i) => getImport(caller, region, i.importId)),
    );
    return fetched(details.map(detailFacts));
  } catch (error) {
    return readFailure(error, "cloudtrail:GetImport");
  }
}

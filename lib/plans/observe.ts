import "server-only";
// Step 3 of the tick: what CloudTrail says, read as each plan's creator. Every failure leaves
// something out (a scope not listed, an import not read), which the decision treats as "don't
// start there" or "look again next tick", never as "nothing is running".
import {
  type Caller,
  type ImportDetails,
  type ImportSummary,
  configuredRegions,
  getImport,
  listImportFailuresPage,
  listImportsPage,
} from "@/lib/cloudtrail";
import type { TickPlan } from "@/lib/db/plan-runner";
import type { ObservedImport } from "./observed-import";
import { CLAIM_CLOCK_SKEW_MS } from "./reconcile";
import { type ImportScope, regionOf, scopeOf } from "./runner-scope";

const PAGE = 1000;
/** The runner acts on what it reads, so it never takes a cached answer. */
const FRESH = { maxAgeMs: 0 };
/** Pages read per listing; an account with more ongoing or recent imports than this is odd enough to wait. */
const MAX_PAGES = 5;

export interface Observation {
  imports: ObservedImport[];
  listedScopes: string[];
  /** Calls that failed, as "operation region: message", for the tick report. */
  problems: string[];
}

/**
 * The identity unattended calls are made as: the plan's creator, built the way a signed-in
 * person's is (sign-in subject as id, email). Creating a plan required the operator role.
 */
export function creatorCaller(creator: { email: string; sub: string }): Caller {
  return { id: creator.sub, email: creator.email, name: creator.email, roles: ["operator"] };
}

async function listAll(
  caller: Caller,
  region: string,
  filter: { status?: "INITIALIZING" | "IN_PROGRESS"; destination?: string },
): Promise<ImportSummary[]> {
  const items: ImportSummary[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await listImportsPage(caller, region, {
      maxResults: PAGE,
      ...FRESH,
      ...filter,
      ...(nextToken ? { nextToken } : {}),
    });
    items.push(...result.items);
    nextToken = result.nextToken;
    if (!nextToken) return items;
  }
  throw new Error(`more than ${MAX_PAGES * PAGE} imports to list`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Distinct ErrorType values of the failed files on the first page of ListImportFailures. */
async function failureTypes(caller: Caller, region: string, importId: string): Promise<string[]> {
  const page = await listImportFailuresPage(caller, region, importId, {
    maxResults: PAGE,
    fresh: true,
  });
  const types = page.items
    .filter((item) => item.status === "FAILED" && item.errorType)
    .map((item) => item.errorType ?? "");
  return [...new Set(types)];
}

export async function observe(
  plans: readonly TickPlan[],
  scope: ImportScope,
): Promise<Observation> {
  const byId = new Map<string, ObservedImport>();
  const remember = (item: (ImportSummary | ImportDetails) & { failureTypes?: string[] }) => {
    byId.set(item.importId, { ...byId.get(item.importId), ...item });
  };
  const problems: string[] = [];
  const listedScopes: string[] = [];

  // Ongoing imports of each scope, listed once per scope as the creator of its oldest plan.
  const scopes = new Map<string, { caller: Caller; regions: string[] }>();
  for (const { plan, creator } of plans) {
    const key = scopeOf(plan.destination, scope);
    const region = regionOf(plan.destination);
    if (!key || !region || scopes.has(key)) continue;
    // CloudTrail counts one ongoing import per account across Regions.
    const regions = scope === "account" ? [...configuredRegions()] : [region];
    if (!regions.includes(region)) regions.push(region);
    scopes.set(key, { caller: creatorCaller(creator), regions });
  }
  await Promise.all(
    [...scopes].map(async ([key, { caller, regions }]) => {
      try {
        for (const region of regions)
          for (const status of ["INITIALIZING", "IN_PROGRESS"] as const)
            (await listAll(caller, region, { status })).forEach(remember);
        listedScopes.push(key);
      } catch (error) {
        problems.push(`ListImports for ${key}: ${message(error)}`);
      }
    }),
  );

  for (const { plan, creator, chunks } of plans) {
    const region = regionOf(plan.destination);
    if (!region) continue;
    const caller = creatorCaller(creator);
    const read = async (importId: string, withFailures: boolean) => {
      try {
        const details = await getImport(caller, region, importId, FRESH);
        const types =
          withFailures && details.status === "FAILED"
            ? await failureTypes(caller, region, importId)
            : undefined;
        remember(types ? { ...details, failureTypes: types } : details);
      } catch (error) {
        problems.push(`GetImport ${importId}: ${message(error)}`);
      }
    };
    for (const chunk of chunks) {
      if (chunk.state === "running" && chunk.importId) await read(chunk.importId, true);
      if (chunk.state !== "starting") continue;
      if (chunk.importId) {
        await read(chunk.importId, false);
        continue;
      }
      // A claim without an import id: any import of this store created since the claim may be its.
      const since = (chunk.claimedAt?.getTime() ?? 0) - CLAIM_CLOCK_SKEW_MS;
      try {
        const recent = (await listAll(caller, region, { destination: plan.destination })).filter(
          (item) => !item.createdAt || Date.parse(item.createdAt) >= since,
        );
        for (const item of recent) await read(item.importId, false);
      } catch (error) {
        problems.push(`ListImports for ${plan.destination}: ${message(error)}`);
      }
    }
  }
  return { imports: [...byId.values()], listedScopes, problems };
}

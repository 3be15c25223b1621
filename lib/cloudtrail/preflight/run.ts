import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { createRateLimiter, type RateLimitConfig } from "@/lib/auth/rate-limit";
import { failOpen } from "@/lib/db/fail-open";
import { rateLimitStore } from "@/lib/db/rate-limits";
import { bucketOfS3Uri, isAllowed } from "@/lib/imports/allow-list";
import { evaluateBucketRegion } from "@/lib/preflight/bucket-region";
import { evaluateDestination } from "@/lib/preflight/destination";
import { evaluateEncryption } from "@/lib/preflight/encryption";
import { estimateImport } from "@/lib/preflight/estimate";
import { evaluateFileKinds } from "@/lib/preflight/file-kinds";
import { evaluateLogFiles } from "@/lib/preflight/log-files";
import { evaluateObjectOwnership } from "@/lib/preflight/object-ownership";
import { evaluateOngoing } from "@/lib/preflight/ongoing";
import { evaluateOverlap } from "@/lib/preflight/overlap";
import { lakePricesFromEnv } from "@/lib/preflight/pricing";
import { evaluateRetention } from "@/lib/preflight/retention";
import { evaluateRolePermissions } from "@/lib/preflight/role-permissions";
import { evaluateRoleTrust } from "@/lib/preflight/role-trust";
import { summarizePreflight } from "@/lib/preflight/summary";
import {
  PREFLIGHT_STEP_CHECKS,
  type CheckResult,
  type PreflightCheckId,
  type PreflightQuery,
  type PreflightResult,
} from "@/lib/schemas/preflight";
import { identityKey } from "../credentials";
import { CloudTrailAppError } from "../errors";
import { configuredRegions, regionOfStoreArn } from "../regions";
import type { Caller } from "../types";
import { preflightFacts, type PreflightFacts } from "./gather";
import { preflightResults } from "../preflight-results";

export { PREFLIGHT_CACHE_MS } from "../preflight-results";

/**
 * Preflights a person may run (cache misses only): one costs up to a few hundred S3, IAM and
 * CloudTrail calls, so 30 for walking the wizard in each 90 s, one every 3 s sustained. Counted in
 * the database like the other budgets, so replicas share it; unreachable, it lets the run through
 * (a read, whose AWS calls CloudTrail, S3 and IAM limit again themselves).
 */
export const PREFLIGHT_RUN_BUDGET: RateLimitConfig = { limit: 30, windowMs: 90_000 };

const runs = createRateLimiter("preflight", PREFLIGHT_RUN_BUDGET, rateLimitStore());
const checked = failOpen("preflight budget", true);

type Evaluators = Record<PreflightCheckId, () => Promise<CheckResult>>;

function evaluators(facts: PreflightFacts, query: PreflightQuery, now: Date): Evaluators {
  const { range } = facts;
  const policyInputs = () => {
    const { destination, s3Uri, roleArn } = facts.full();
    return { storeArn: destination, s3Uri, roleArn };
  };
  return {
    destination: async () =>
      evaluateDestination({
        store: await facts.store(),
        caller: await facts.callerIdentity(),
        organization: await facts.organization(),
      }),
    retention: async () => evaluateRetention({ store: await facts.store(), range, now }),
    "bucket-region": async () =>
      evaluateBucketRegion({
        bucket: bucketOfS3Uri(query.s3Uri ?? "") ?? "",
        givenRegion: query.bucketRegion ?? "",
        head: (await facts.bucket()).head,
      }),
    "object-ownership": async () =>
      evaluateObjectOwnership({
        bucket: bucketOfS3Uri(query.s3Uri ?? "") ?? "",
        controls: (await facts.bucket()).controls,
      }),
    "log-files": async () =>
      evaluateLogFiles({ s3Uri: query.s3Uri ?? "", range, now, listing: await facts.listing() }),
    "file-kinds": async () => {
      const heads = await facts.heads();
      return evaluateFileKinds({
        bucket: bucketOfS3Uri(query.s3Uri ?? "") ?? "",
        listing: await facts.listing(),
        heads: heads.ok ? heads.value : [],
      });
    },
    encryption: async () =>
      evaluateEncryption({
        ...policyInputs(),
        roleArn: facts.full().roleArn,
        heads: await facts.heads(),
        decrypt: await facts.decrypt(),
      }),
    "role-trust": async () =>
      evaluateRoleTrust({
        ...policyInputs(),
        roleArn: facts.full().roleArn,
        role: await facts.role(),
      }),
    "role-permissions": async () =>
      evaluateRolePermissions({
        ...policyInputs(),
        roleArn: facts.full().roleArn,
        objectArn: (await facts.plannedRoleCalls()).objectArn,
        simulation: await facts.simulation(),
        bucketPolicy: (await facts.bucket()).policy,
      }),
    ongoing: async () =>
      evaluateOngoing({
        region: regionOfStoreArn(query.destination),
        imports: await facts.ongoing(),
      }),
    overlap: async () =>
      evaluateOverlap({
        range,
        now,
        store: await facts.store(),
        imports: await facts.destinationImports(),
      }),
  };
}

async function gather(caller: Caller, query: PreflightQuery, now: Date): Promise<PreflightResult> {
  const storeRegion = regionOfStoreArn(query.destination);
  const facts = preflightFacts(caller, query, storeRegion, configuredRegions(), now);
  const evaluate = evaluators(facts, query, now);
  const checks = await Promise.all(PREFLIGHT_STEP_CHECKS[query.step].map((id) => evaluate[id]()));
  const estimate =
    query.step === "review"
      ? estimateImport({
          listing: await facts.listing(),
          samples: await facts.measurements(),
          store: await facts.store(),
          prices: lakePricesFromEnv(serverEnv()),
          history: await facts.history(),
        })
      : undefined;
  return {
    checks,
    ...(estimate ? { estimate } : {}),
    summary: summarizePreflight(checks),
    checkedAt: now.toISOString(),
  };
}

function cacheKey(caller: Caller, query: PreflightQuery): string {
  const hash = createHash("sha256").update(JSON.stringify(query)).digest("hex");
  return `${identityKey(caller)}|${caller.id}|${hash}`;
}

/**
 * Runs the checks of `query.step` (every check, and the estimate, for the review) against AWS
 * as `caller`. A repeat within PREFLIGHT_CACHE_MS, or one while the same is in flight, costs no
 * call. Throws (mapped by toCloudTrailFailure) for an unconfigured Region, a bucket outside
 * IMPORT_ALLOWED_BUCKETS, or a spent per-person budget; AWS errors become "couldn't check".
 */
export function runPreflight(
  caller: Caller,
  query: PreflightQuery,
  now: Date = new Date(),
): Promise<PreflightResult> {
  regionOfStoreArn(query.destination);
  if (query.s3Uri !== undefined) {
    // The preflight reads the bucket as the app, so it stays inside the buckets imports may use.
    const bucket = bucketOfS3Uri(query.s3Uri);
    if (!bucket || !isAllowed("bucket", bucket, serverEnv().IMPORT_ALLOWED_BUCKETS))
      throw new CloudTrailAppError("SourceNotAllowed", "Bucket is not in IMPORT_ALLOWED_BUCKETS");
  }
  return preflightResults.getOrLoad(cacheKey(caller, query), async () => {
    if (!(await checked(() => runs.take(caller.id))))
      throw new CloudTrailAppError("RateLimited", "Per-person preflight budget spent");
    return gather(caller, query, now);
  });
}

// Shared by the runner's integration tests: log files written into the local Lake's e2e bucket
// under a prefix per test, plans created on them, and ticks repeated until a condition holds.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { type PlanDetail, planRepository } from "@/lib/db/plans";
import { chunks } from "@/lib/db/schema";
import type { WebhookEndpoint } from "@/lib/notify/webhook-config";
import { buildChunks } from "@/lib/plans/chunks";
import { type ChunkSize, planDraftSchema } from "@/lib/schemas/plan";
import {
  DEMO_ACCOUNT_ID,
  E2E_BUCKET,
  IMPORT_ROLE_ARN,
  STORES,
} from "@/local/lake/seed/constants.ts";
import { type TestLake, sampleRecords, waitFor } from "@/local/lake/testing/lake-harness.ts";
import { type TickReport, advancePlans } from "../advance";

export const CREATOR = { email: "ana.operator@example.test", sub: "ana-sub" };
const DAY_MS = 86_400_000;

export function logKey(prefix: string, day: Date, n: number): string {
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, "/");
  const stamp = `${day.toISOString().slice(0, 10).replace(/-/g, "")}T1200Z`;
  return `${prefix}AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/us-east-1/${ymd}/${DEMO_ACCOUNT_ID}_CloudTrail_us-east-1_${stamp}_f${n}.json.gz`;
}

/** Writes one log file per window day given, under `prefix` in the e2e bucket. */
export async function writeLogs(world: TestLake, prefix: string, days: readonly Date[]) {
  const keys: string[] = [];
  for (const [n, day] of days.entries()) {
    const key = logKey(prefix, day, n);
    const { status } = await world.admin("PUT", `s3/${E2E_BUCKET}/${key}`, {
      records: sampleRecords(2, new Date(day.getTime() + 12 * 3600_000)),
    });
    if (status !== 200) throw new Error(`The Lake refused to write ${key} (${status}).`);
    keys.push(key);
  }
  return keys;
}

/**
 * A plan of `sources` prefixes with one log file in the middle of each week of `weeks` ISO weeks
 * starting Monday 2026-01-05, cut into `chunkSize` chunks.
 */
export async function createTestPlan(
  world: TestLake,
  database: Database,
  opts: { sources: number; weeks: number; chunkSize: ChunkSize },
) {
  const tag = randomUUID().slice(0, 8);
  const first = Date.UTC(2026, 0, 5);
  const wednesdays = Array.from(
    { length: opts.weeks },
    (_, w) => new Date(first + (7 * w + 2) * DAY_MS),
  );
  const prefixes = Array.from({ length: opts.sources }, (_, s) => `runner-${tag}/s${s}/`);
  const keys: string[] = [];
  for (const prefix of prefixes) keys.push(...(await writeLogs(world, prefix, wednesdays)));
  const draft = planDraftSchema.parse({
    destination: STORES.demo.arn,
    sources: prefixes.map((prefix) => ({
      s3Uri: `s3://${E2E_BUCKET}/${prefix}`,
      bucketRegion: "us-east-1",
      roleArn: IMPORT_ROLE_ARN,
    })),
    range: {
      from: "2026-01-05",
      to: new Date(first + (7 * opts.weeks - 1) * DAY_MS).toISOString().slice(0, 10),
    },
    chunkSize: opts.chunkSize,
    maxRetries: 3,
  });
  const planId = randomUUID();
  await planRepository(database).createPlan({
    planId,
    draft,
    name: `Runner test ${tag}`,
    createdBy: CREATOR,
    chunks: buildChunks(planId, draft),
  });
  return { planId, keys, prefixes };
}

export function ticker(database: Database, endpoints: () => readonly WebhookEndpoint[]) {
  return (extra: Partial<Parameters<typeof advancePlans>[0]> = {}): Promise<TickReport> =>
    advancePlans({
      now: new Date(),
      database,
      endpoints: endpoints(),
      appUrl: "http://app.test",
      random: () => 0,
      // Retries come quickly so the tests need no clock of their own.
      options: { retryBaseMs: 20, retryMaxMs: 200 },
      ...extra,
    });
}

/** Ticks until `done` holds for the plan, reporting every tick. */
export async function tickUntil(
  database: Database,
  tick: () => Promise<TickReport>,
  planId: string,
  done: (detail: PlanDetail) => boolean,
  reports: TickReport[] = [],
  timeoutMs = 60_000,
): Promise<PlanDetail> {
  const plans = planRepository(database);
  const detail = await waitFor(
    async () => {
      reports.push(await tick());
      const found = await plans.getPlan(planId);
      if (!found) throw new Error(`Plan ${planId} is gone.`);
      return found;
    },
    done,
    timeoutMs,
  );
  return detail;
}

/** The chunk rows as a crash between StartImport and recording its id would leave them. */
export async function forgetImportId(database: Database, chunkId: string, claimedAt: Date) {
  await database
    .update(chunks)
    .set({ state: "starting", importId: null, claimedAt })
    .where(eq(chunks.id, chunkId));
}

export async function startImportCalls(world: TestLake): Promise<number> {
  const { body } = await world.admin("GET", "calls");
  const calls = (body as { calls: { operation: string }[] }).calls;
  return calls.filter((call) => call.operation === "StartImport").length;
}

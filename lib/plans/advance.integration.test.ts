// advancePlans() against the local Lake (real SDK, per-user STS as the plan's creator) and both
// databases: plans run to their end by repeated ticks, wait for imports started elsewhere, retry
// a temporary failure, survive concurrent ticks and a crash between StartImport and recording,
// and notify once per plan end with signatures a receiver verifies.
import { rm } from "node:fs/promises";
import {
  GetImportCommand,
  ListImportsCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import { inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { pointAppAtLake } from "@/lib/cloudtrail/test-env";
import { type Database, databaseFor } from "@/lib/db/client";
import { activityLog } from "@/lib/db/activity";
import { planRunnerStore } from "@/lib/db/plan-runner";
import { planRepository } from "@/lib/db/plans";
import { plans } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/targets";
import { webhookEndpoints } from "@/lib/notify/webhook-config";
import { E2E_BUCKET, E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "@/local/lake/seed/constants.ts";
import { keyPath } from "@/local/lake/s3/s3-uri.ts";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { waitFor, waitForStatus } from "@/local/lake/testing/lake-harness.ts";
import { type WebhookReceiver, startWebhookReceiver } from "@/local/webhooks/receiver.ts";
import type { TickReport } from "./advance";
import {
  CREATOR,
  createTestPlan,
  forgetImportId,
  startImportCalls,
  ticker,
  tickUntil,
  writeLogs,
} from "./testing/runner-world";

const CRON_SECRET = "cron-secret-for-the-test-0123456789";
const world = lakeForFile({}, ({ lake }) => {
  process.env.CRON_SECRET = CRON_SECRET;
  pointAppAtLake(lake.url);
});
const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
let receiver: WebhookReceiver | undefined;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ port: 0, secret: SECRET });
});
afterAll(async () => {
  await receiver?.close();
});

const endpoints = () => {
  if (!receiver) throw new Error("The receiver starts in beforeAll.");
  return webhookEndpoints(
    [
      { kind: "generic", url: `${receiver.url}/generic` },
      { kind: "slack", url: `${receiver.url}/slack` },
    ],
    SECRET,
  );
};

const finished = (state: string) => state === "completed" || state === "failed";

/** Imports still running in the Lake, in every Region the one-ongoing-import rule spans. */
async function ongoingImports(): Promise<number> {
  let count = 0;
  for (const region of ["us-east-1", "eu-west-1"]) {
    for (const status of ["INITIALIZING", "IN_PROGRESS"] as const) {
      const page = await world()
        .client(region)
        .send(new ListImportsCommand({ ImportStatus: status }));
      count += page.Imports?.length ?? 0;
    }
  }
  return count;
}

describeEachDatabase("advancePlans", (db) => {
  let database: Database;
  beforeAll(() => {
    database = databaseFor(db().pool());
  });
  beforeEach(async () => {
    await world().admin("DELETE", "calls");
    await world().admin("POST", "pace", { pace: "fast" });
    // An import an earlier test left running (its plan cancelled) holds the account: let it end.
    await waitFor(ongoingImports, (count) => count === 0, 60_000);
  });
  // A test that failed half-way must not leave a plan that holds the account for the next one.
  afterEach(async () => {
    await database
      .update(plans)
      .set({ state: "cancelled" })
      .where(inArray(plans.state, ["active", "paused"]));
  });
  const tick = () => ticker(database, endpoints)();

  it("runs 3 sources × 4 weekly chunks to completion with one StartImport each, and notifies once", async () => {
    const { planId } = await createTestPlan(world(), database, {
      sources: 3,
      weeks: 4,
      chunkSize: "week",
    });
    const reports: TickReport[] = [];
    const done = await tickUntil(database, tick, planId, (d) => finished(d.plan.state), reports);

    expect(done.plan.state).toBe("completed");
    expect(done.chunks).toHaveLength(12);
    expect(done.chunks.every((c) => c.state === "completed" && c.attempts === 1)).toBe(true);
    expect(new Set(done.chunks.map((c) => c.importId)).size).toBe(12);
    expect(done.chunks.every((c) => c.statistics?.filesCompleted === 1)).toBe(true);
    expect(await startImportCalls(world())).toBe(12);
    // At most one import per account at a time: no tick started two.
    expect(Math.max(...reports.map((r) => r.started.length))).toBe(1);
    expect(reports.flatMap((r) => r.problems)).toEqual([]);

    const eventId = `plan-completed:${planId}`;
    const arrived = await waitFor(
      async () =>
        receiver
          ?.deliveries()
          .filter(
            (d) => d.headers["webhook-id"] === eventId || JSON.stringify(d.json).includes(planId),
          ) ?? [],
      (list) => list.length >= 2,
    );
    await tick();
    await tick();
    const forPlan = (receiver?.deliveries() ?? []).filter((d) => d.body.includes(planId));
    expect(forPlan.map((d) => d.path).sort()).toEqual(["/generic", "/slack"]);
    const generic = arrived.find((d) => d.path === "/generic");
    expect(generic?.verified).toBe(true);
    expect(generic?.headers["webhook-id"]).toBe(eventId);
    expect(generic?.json).toMatchObject({
      type: "backfill.plan-completed",
      data: { planId, counts: { completed: 12, total: 12 } },
    });

    const started = await activityLog(database).list({
      filters: { action: "plan-start", person: CREATOR.email },
      limit: 100,
    });
    expect(
      started.entries.filter((e) => done.chunks.some((c) => c.importId === e.importId)),
    ).toHaveLength(12);
  }, 120_000);

  it("waits while an import started outside the app runs, then carries on", async () => {
    const { planId } = await createTestPlan(world(), database, {
      sources: 1,
      weeks: 2,
      chunkSize: "week",
    });
    const client = world().client();
    await world().admin("POST", "pace", { pace: 2000 });
    const outside = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: E2E_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    const importId = outside.ImportId ?? "";
    for (let i = 0; i < 3; i += 1) {
      const report = await tick();
      expect(report.started).toEqual([]);
      expect(report.problems).toEqual([]);
    }
    const waiting = await tickUntil(database, tick, planId, () => true);
    expect(waiting.chunks.map((c) => c.state)).toEqual(["pending", "pending"]);
    expect(await startImportCalls(world())).toBe(1);

    await client.send(new StopImportCommand({ ImportId: importId }));
    await waitForStatus(client, importId, ["STOPPED"]);
    await world().admin("POST", "pace", { pace: "fast" });
    const done = await tickUntil(database, tick, planId, (d) => finished(d.plan.state));
    expect(done.plan.state).toBe("completed");
    expect(await startImportCalls(world())).toBe(3);
  }, 120_000);

  it("retries an import that failed for a temporary reason, resuming the same import", async () => {
    const { planId, keys } = await createTestPlan(world(), database, {
      sources: 1,
      weeks: 1,
      chunkSize: "whole",
    });
    const key = keys[0] ?? "";
    // Slow enough to remove the file between the import's listing and its read of it.
    await world().admin("POST", "pace", { pace: 1500 });
    const first = await tick();
    const importId = first.started[0] ?? "";
    expect(importId).not.toBe("");
    const client = world().client();
    await waitFor(
      () => client.send(new GetImportCommand({ ImportId: importId })),
      (out) => out.ImportStatus === "IN_PROGRESS",
    );
    await rm(keyPath(world().dataDir, E2E_BUCKET, key));
    await waitForStatus(client, importId, ["FAILED"]);
    // The file is back: a retry reads it.
    await writeLogs(world(), key.slice(0, key.indexOf("AWSLogs/")), [
      new Date(Date.UTC(2026, 0, 7)),
    ]);
    await world().admin("POST", "pace", { pace: "fast" });

    const done = await tickUntil(database, tick, planId, (d) => finished(d.plan.state));
    expect(done.plan.state).toBe("completed");
    const [chunk] = done.chunks;
    expect(chunk).toMatchObject({ state: "completed", attempts: 2, importId });
    expect(await startImportCalls(world())).toBe(2);
  }, 120_000);

  it("starts nothing twice when two replicas tick at once", async () => {
    const { planId } = await createTestPlan(world(), database, {
      sources: 2,
      weeks: 1,
      chunkSize: "week",
    });
    const other = databaseFor(db().pool());
    const reports = await Promise.all([tick(), ticker(other, endpoints)(), tick()]);
    expect(reports.flatMap((r) => r.started)).toHaveLength(1);
    expect(await startImportCalls(world())).toBe(1);
    const done = await tickUntil(database, tick, planId, (d) => finished(d.plan.state));
    expect(done.plan.state).toBe("completed");
    expect(await startImportCalls(world())).toBe(2);
  }, 120_000);

  it("adopts the import of a start whose id was never recorded, instead of starting another", async () => {
    const { planId } = await createTestPlan(world(), database, {
      sources: 1,
      weeks: 1,
      chunkSize: "whole",
    });
    const first = await tick();
    const importId = first.started[0] ?? "";
    expect(importId).not.toBe("");
    const [chunk] = (await planRepository(database).getPlan(planId))?.chunks ?? [];
    if (!chunk) throw new Error("The plan has a chunk.");
    await forgetImportId(database, chunk.id, new Date(Date.now() - 1000));

    const next = await tick();
    expect(next.applied["adopt-import"]).toBe(1);
    expect(next.started).toEqual([]);
    const done = await tickUntil(database, tick, planId, (d) => finished(d.plan.state));
    expect(done.chunks[0]).toMatchObject({ state: "completed", importId, attempts: 1 });
    expect(await startImportCalls(world())).toBe(1);
  }, 120_000);

  it("lets one tick at a time hold the lease, and frees it when it expires", async () => {
    const a = planRunnerStore(databaseFor(db().pool()));
    const b = planRunnerStore(databaseFor(db().pool()));
    const now = new Date();
    const taken = await Promise.all([
      a.tryLock("lease-test", "a", 60_000, now),
      b.tryLock("lease-test", "b", 60_000, now),
    ]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await b.tryLock("lease-test", "c", 60_000, new Date(now.getTime() + 61_000))).toBe(true);
    await b.unlock("lease-test", "c");
    expect(await a.tryLock("lease-test", "d", 60_000, now)).toBe(true);
  });
});

it("the cron route refuses a missing or wrong secret", async () => {
  const { GET } = await import("@/app/api/cron/plans/route");
  const call = (authorization?: string) =>
    GET(
      new Request("http://app.test/api/cron/plans", {
        headers: authorization ? { authorization } : {},
      }),
    );
  for (const answer of [
    await call(),
    await call("Bearer wrong"),
    await call("Bearer cron-secret-for-the-test-012345678"),
    await call("cron-secret-for-the-test-0123456789"),
  ]) {
    expect(answer.status).toBe(401);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  }
});

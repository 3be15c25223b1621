// lib/cloudtrail against the local Lake with the real SDK: per-user STS sessions, stores with
// details, the import lifecycle, error normalisation, shared calls and throttling.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isTerminalStatus } from "@/lib/imports/status";
import { startImportInputSchema } from "@/lib/schemas/import";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "@/local/lake/seed/constants.ts";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import {
  IMPORT_STARTER_UNKNOWN,
  findImportRegion,
  getImport,
  listImportFailuresPage,
  listImportsPage,
  listStoresWithDetails,
  lookupImportStarter,
  retryImport,
  startImport,
  stopImport,
  toCloudTrailFailure,
} from "./index";
import { startImport as startImportUnfenced } from "./imports";
import type { ImportDetails } from "./types";
import { pointAppAtLake } from "./test-env";

const world = lakeForFile({}, ({ lake }) => pointAppAtLake(lake.url));

const alice = { id: "alice", email: "alice@example.test", roles: ["operator"] };
const bob = { id: "bob", email: "bob@example.test", roles: ["viewer"] };

async function calls(operation: string): Promise<{ principal: string | null; status: number }[]> {
  const log = (await world().admin("GET", "calls")).body as {
    calls: { operation: string; principal: string | null; status: number }[];
  };
  return log.calls.filter((call) => call.operation === operation);
}

function e2eInput() {
  const now = Date.now();
  return startImportInputSchema.parse({
    destination: STORES.demo.arn,
    s3Uri: E2E_TRAIL_URI,
    bucketRegion: "us-east-1",
    roleArn: IMPORT_ROLE_ARN,
    startTime: new Date(now - 10 * 24 * 3600 * 1000).toISOString(),
    endTime: new Date(now - 60_000).toISOString(),
  });
}

/** Polls getImport (short pauses only) until the import is terminal. */
async function settle(region: string, importId: string): Promise<ImportDetails> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const details = await getImport(alice, region, importId);
    if (isTerminalStatus(details.status)) return details;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${details.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toCloudTrailFailure(error);
  }
  throw new Error("expected the call to fail");
}

describe("lib/cloudtrail against the local Lake", () => {
  it("lists stores in every configured Region with details and import eligibility", async () => {
    const { stores, problems } = await listStoresWithDetails(alice);
    expect(problems).toEqual([]);
    const byArn = new Map(stores.map((store) => [store.arn, store]));
    expect(byArn.get(STORES.demo.arn)).toMatchObject({
      region: "us-east-1",
      name: STORES.demo.name,
      status: "ENABLED",
      category: "cloudtrail",
      acceptsImports: true,
    });
    expect(byArn.get(STORES.eu.arn)).toMatchObject({ region: "eu-west-1", acceptsImports: true });
    expect(byArn.get(STORES.config.arn)).toMatchObject({
      category: "other",
      acceptsImports: false,
      blockedReason: "category",
    });
    expect(byArn.get(STORES.retired.arn)).toMatchObject({
      status: "PENDING_DELETION",
      acceptsImports: false,
      blockedReason: "status",
    });
    expect(await listStoresWithDetails(bob)).toBe(await listStoresWithDetails(alice));
  });

  it("starts an import as the person, polls it to the end and pages its failures", async () => {
    const input = e2eInput();
    const started = await startImport(alice, input);
    expect(started).toMatchObject({
      region: "us-east-1",
      status: "INITIALIZING",
      destinations: [STORES.demo.arn],
    });
    expect(started.statistics).toBeUndefined();
    expect(started.source).toEqual({
      s3Uri: E2E_TRAIL_URI,
      bucketRegion: "us-east-1",
      roleArn: IMPORT_ROLE_ARN,
    });

    const done = await settle("us-east-1", started.importId);
    expect(done.status).toBe("FAILED");
    expect(done.statistics?.failedEntries).toBe(1);
    expect(done.startEventTime).toMatch(/^\d{4}-/);
    expect(done.startEventTime).toBe(input.startTime?.toISOString());
    expect(done.endEventTime).toBe(input.endTime?.toISOString());

    const failures = await listImportFailuresPage(alice, "us-east-1", started.importId, {
      maxResults: 10,
    });
    expect(failures.nextToken).toBeUndefined();
    expect(failures.items).toEqual([
      expect.objectContaining({
        status: "FAILED",
        errorType: "InvalidFileFormat",
        location: expect.stringMatching(/^s3:\/\/trail-imports-e2e-logs\//),
      }),
    ]);

    const listed = await listImportsPage(alice, "us-east-1", {
      destination: STORES.demo.arn,
      status: "FAILED",
      maxResults: 1000,
    });
    expect(listed.items.map((item) => item.importId)).toContain(started.importId);
    expect(await findImportRegion(alice, started.importId)).toBe("us-east-1");
    expect(await findImportRegion(alice, randomUUID())).toBeNull();

    // The StartImport call ran under alice's own STS session, which LookupEvents records.
    expect(
      await lookupImportStarter(bob, "us-east-1", started.importId, {
        createdAt: started.createdAt,
      }),
    ).toBe("alice@example.test");
    expect((await calls("StartImport")).at(-1)?.principal).toContain("alice@example.test");
  });

  it("normalises the one-import-at-a-time rule, then stops and retries", async () => {
    await world().admin("POST", "pace", { pace: 60_000 });
    try {
      const running = await startImport(alice, e2eInput());
      const blocked = await failureOf(startImport(bob, e2eInput()));
      expect(blocked).toMatchObject({
        code: "AccountHasOngoingImportException",
        ongoingImportId: running.importId,
        retryable: false,
      });
      expect(blocked.message).not.toContain("111122223333");
      expect(blocked.requestId).toBeTruthy();

      const stopped = await stopImport(alice, "us-east-1", running.importId);
      expect(stopped.status).toBe("STOPPED");
      const again = await failureOf(stopImport(alice, "us-east-1", running.importId));
      expect(again).toMatchObject({ code: "OperationNotPermittedException", retryable: false });
      expect(again.message).toContain("already finished");

      expect((await retryImport(alice, "us-east-1", running.importId)).status).toBe("INITIALIZING");
      await world().admin("POST", "pace", { pace: "fast" });
      expect(isTerminalStatus((await settle("us-east-1", running.importId)).status)).toBe(true);
    } finally {
      await world().admin("POST", "pace", { pace: "fast" });
    }
  });

  it("names the field for errors the user can fix", async () => {
    // CloudTrail's own answers, below the app's fences (import-guard.integration.test.ts covers those).
    const unknownStore = {
      ...e2eInput(),
      destination: STORES.demo.arn.replace(STORES.demo.id, randomUUID()),
    };
    expect(await failureOf(startImportUnfenced(alice, unknownStore))).toMatchObject({
      code: "EventDataStoreNotFoundException",
      field: "destination",
    });
    const configStore = { ...e2eInput(), destination: STORES.config.arn };
    expect(await failureOf(startImportUnfenced(alice, configStore))).toMatchObject({
      code: "InvalidEventDataStoreCategoryException",
      field: "destination",
    });
    expect(await failureOf(getImport(alice, "eu-west-1", randomUUID()))).toMatchObject({
      code: "ImportNotFoundException",
      field: "importId",
    });
    const otherRegion = {
      ...e2eInput(),
      destination: "arn:aws:cloudtrail:ap-south-1:111122223333:eventdatastore/abc",
    };
    expect(await failureOf(startImport(alice, otherRegion))).toMatchObject({
      code: "RegionNotConfigured",
      field: "destination",
    });
  });

  it("lets twenty concurrent viewers share one GetImport", async () => {
    const { items } = await listImportsPage(alice, "eu-west-1", { maxResults: 1 });
    const importId = items[0]?.importId ?? "";
    expect(importId).not.toBe("");
    await world().admin("DELETE", "calls");
    const viewers = [alice, bob];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getImport(viewers[i % 2] ?? alice, "eu-west-1", importId),
      ),
    );
    expect(new Set(results.map((r) => r.importId))).toEqual(new Set([importId]));
    expect(await calls("GetImport")).toHaveLength(1);
  });

  it("reports throttling that outlasts the SDK's retries as retryable, and the starter as unknown", async () => {
    await world().admin("PUT", "faults", { throttleRate: 1 });
    try {
      const throttled = await failureOf(getImport(alice, "us-east-1", randomUUID()));
      expect(throttled).toMatchObject({ code: "ThrottlingException", retryable: true });
      expect(
        await lookupImportStarter(alice, "us-east-1", randomUUID(), {
          createdAt: new Date().toISOString(),
        }),
      ).toBe(IMPORT_STARTER_UNKNOWN);
    } finally {
      await world().admin("PUT", "faults", { throttleRate: 0 });
    }
  });
});

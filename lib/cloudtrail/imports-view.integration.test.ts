// The imports list and detail views against the local Lake with the real SDK: how many
// CloudTrail calls one screen of 50 rows costs (LookupEvents for "started by" included), that a
// second load within the TTL costs none, that paging visits every import once, and that 20
// concurrent viewers share one GetImport.
import {
  ListImportsCommand,
  LookupEventsCommand,
  type ImportsListItem,
} from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { decodeCursor } from "./imports-list-query";
import { getImportView, listImportsView } from "./imports-view";
import { pointAppAtLake } from "./test-env";

const REGIONS = ["us-east-1", "eu-west-1"];
// It counts the page's calls, so the Lake's LookupEvents rate limit (tested in local/) is off here.
const world = lakeForFile({ seedImports: 160, lookupRate: 0 }, ({ lake }) =>
  pointAppAtLake(lake.url),
);

const alice = { id: "alice", email: "alice@example.test", roles: ["operator"] };

type Call = { service: string; operation: string; region: string };

async function calls(): Promise<Call[]> {
  return ((await world().admin("GET", "calls")).body as { calls: Call[] }).calls;
}
async function clearCalls(): Promise<void> {
  await world().admin("DELETE", "calls");
}
function count(log: Call[], operation: string, region?: string): number {
  return log.filter(
    (c) =>
      c.service === "cloudtrail" && c.operation === operation && (!region || c.region === region),
  ).length;
}

const lakeClient = (region: string) => world().client(region);

/** Every import in every Region, straight from the Lake (static app keys, no app caches). */
async function allImports(): Promise<(ImportsListItem & { region: string })[]> {
  const out: (ImportsListItem & { region: string })[] = [];
  for (const region of REGIONS) {
    const client = lakeClient(region);
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListImportsCommand({ MaxResults: 1000, NextToken: token }),
      );
      out.push(...(page.Imports ?? []).map((item) => ({ ...item, region })));
      token = page.NextToken;
    } while (token);
  }
  return out;
}

/** "region|importId" → the SourceIdentity (or ARN) of the StartImport that created it, read in full. */
async function seededStarters(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const region of REGIONS) {
    let token: string | undefined;
    do {
      const page = await lakeClient(region).send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
          NextToken: token,
        }),
      );
      for (const event of page.Events ?? []) {
        const record = JSON.parse(event.CloudTrailEvent ?? "{}") as {
          userIdentity?: { arn?: string; sessionContext?: { sourceIdentity?: string } };
          requestParameters?: { importId?: string } | null;
          responseElements?: { importId?: string } | null;
        };
        const id = record.responseElements?.importId;
        if (!id || record.requestParameters?.importId) continue;
        const who = record.userIdentity?.sessionContext?.sourceIdentity ?? record.userIdentity?.arn;
        if (who) out.set(`${region}|${id}`, who);
      }
      token = page.NextToken;
    } while (token);
  }
  return out;
}

// Runs first: the list tests below leave every import in the cache.
describe("getImportView", () => {
  it("serves 20 concurrent viewers of one import with a single GetImport", async () => {
    const target = (await allImports()).find((item) => item.region === "eu-west-1");
    expect(target?.ImportId).toBeDefined();
    const viewers = Array.from({ length: 20 }, (_, i) => ({
      id: `viewer-${i}`,
      email: `viewer${i}@example.test`,
      roles: ["viewer"],
    }));
    // Warm the store-name listing so only GetImport is counted.
    await getImportView(
      alice,
      "us-east-1",
      (await allImports()).find((i) => i.region === "us-east-1")?.ImportId ?? "",
    );
    await clearCalls();
    const views = await Promise.all(
      viewers.map((viewer) => getImportView(viewer, "eu-west-1", target?.ImportId ?? "")),
    );
    expect(new Set(views.map((view) => view.import.status)).size).toBe(1);
    expect(views.every((view) => view.import.importId === target?.ImportId)).toBe(true);
    expect(count(await calls(), "GetImport")).toBe(1);
  });
});

describe("listImportsView", () => {
  it("costs at most one ListImports and one LookupEvents per Region and 50 GetImport for a screen, and nothing within the TTL", async () => {
    const everything = await allImports();
    expect(everything.length).toBeGreaterThan(120);
    const truth = await seededStarters();
    await listImportsView(alice, {}, null, 1); // warm the STS session and store names out of the count
    await clearCalls();

    const first = await listImportsView(alice, {}, null);
    const log = await calls();
    expect(first.rows).toHaveLength(50);
    expect(first.problems).toEqual([]);
    for (const region of REGIONS) {
      expect(count(log, "ListImports", region)).toBeLessThanOrEqual(1);
      expect(count(log, "LookupEvents", region)).toBeLessThanOrEqual(1);
    }
    // Only the warm-up's single row was cached: both Regions' rows needed their one query.
    expect(count(log, "LookupEvents")).toBe(new Set(first.rows.map((row) => row.region)).size);
    expect(new Set(first.rows.map((row) => row.region))).toEqual(new Set(REGIONS));
    // The Lake seeds a StartImport for each of these (the newest 200), mostly Alice's.
    expect(first.rows.map((row) => row.startedBy)).toEqual(
      first.rows.map((row) => ({ state: "found", by: truth.get(`${row.region}|${row.importId}`) })),
    );
    const byAlice = first.rows.filter(
      (row) => row.startedBy.state === "found" && row.startedBy.by === "alice@example.test",
    );
    expect(byAlice.length).toBeGreaterThan(20);
    expect(byAlice.length).toBeLessThan(50);
    expect(count(log, "GetImport")).toBeLessThanOrEqual(50);
    // Up to three rows were hydrated earlier in this file (the warm-up and the viewers test).
    expect(count(log, "GetImport")).toBeGreaterThanOrEqual(47);
    expect(first.rows.every((row) => row.hydrated && row.source?.s3Uri)).toBe(true);
    const created = first.rows.map((row) => Date.parse(row.createdAt ?? ""));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const newest = Math.max(...everything.map((item) => item.CreatedTimestamp?.getTime() ?? 0));
    expect(created[0]).toBe(newest);

    await clearCalls();
    const again = await listImportsView(alice, {}, null);
    expect(again.rows.map((row) => row.importId)).toEqual(first.rows.map((row) => row.importId));
    const second = await calls();
    expect(count(second, "ListImports")).toBe(0);
    expect(count(second, "GetImport")).toBe(0);
    expect(count(second, "LookupEvents")).toBe(0);
    expect(again.rows.map((row) => row.startedBy)).toEqual(first.rows.map((row) => row.startedBy));
  });

  it("pages over every Region with its cursor, visiting each import exactly once, newest first", async () => {
    const everything = await allImports();
    const truth = await seededStarters();
    const seen: string[] = [];
    let cursor: string | undefined;
    let screens = 0;
    do {
      await clearCalls();
      const view = await listImportsView(alice, {}, cursor ? decodeCursor(cursor, REGIONS) : null);
      const log = await calls();
      for (const region of REGIONS) {
        expect(count(log, "ListImports", region)).toBeLessThanOrEqual(1);
        expect(count(log, "LookupEvents", region)).toBeLessThanOrEqual(1);
      }
      for (const row of view.rows) {
        const who = truth.get(`${row.region}|${row.importId}`);
        expect(row.startedBy).toEqual(who ? { state: "found", by: who } : { state: "missing" });
      }
      seen.push(...view.rows.map((row) => row.importId));
      cursor = view.nextCursor;
      screens += 1;
    } while (cursor && screens < 20);
    expect(cursor).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(everything.map((item) => item.ImportId)));
  });

  it("filters by status and destination through ListImports", async () => {
    const failed = await listImportsView(alice, { status: "FAILED" }, null);
    expect(failed.rows.length).toBeGreaterThan(0);
    expect(failed.rows.every((row) => row.status === "FAILED")).toBe(true);

    const store = failed.rows[0]?.destinations[0] ?? "";
    const byStore = await listImportsView(alice, { destination: store }, null);
    expect(byStore.rows.length).toBeGreaterThan(0);
    expect(byStore.rows.every((row) => row.destinations[0] === store)).toBe(true);
    expect(byStore.rows.every((row) => row.storeName && row.storeName.length > 0)).toBe(true);
  });
});

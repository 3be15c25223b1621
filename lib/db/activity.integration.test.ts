import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { ActivityInput } from "@/lib/schemas/activity";
import { databaseFor } from "./client.ts";
import { describeEachDatabase } from "./testing/targets.ts";
import { type ActivityCursor, activityLog } from "./activity.ts";

const base = Date.parse("2030-06-01T12:00:00Z");

describeEachDatabase("activity log", (db) => {
  const log = () => activityLog(databaseFor(db().pool()));

  // Each test tags its rows with its own import id, so tests sharing the database do not see each other's.
  async function seed(count: number, extra: (i: number) => Partial<ActivityInput> = () => ({})) {
    const importId = randomUUID();
    const store = log();
    for (let i = 0; i < count; i += 1) {
      await store.append({
        action: "start",
        outcome: "ok",
        importId,
        actorEmail: "Alice@Example.test",
        // Pairs share a timestamp, so paging must break ties by id.
        occurredAt: new Date(base + Math.floor(i / 2) * 1_000),
        ...extra(i),
      });
    }
    return importId;
  }

  it("pages newest first with no row skipped or repeated, and back again", async () => {
    const importId = await seed(7);
    const store = log();
    const seen: string[] = [];
    let before: ActivityCursor | undefined;
    const pages = [];
    do {
      const page = await store.list({ filters: { import: importId }, before, limit: 3 });
      pages.push(page);
      seen.push(...page.entries.map((e) => e.id));
      before = page.older;
    } while (before);
    expect(pages.map((p) => p.entries.length)).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
    const times = pages.flatMap((p) => p.entries.map((e) => e.occurredAt.getTime()));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(pages[0]?.newer).toBeUndefined();

    const last = pages[2];
    if (!last?.newer) throw new Error("The last page links to newer entries.");
    const back = await store.list({ filters: { import: importId }, after: last.newer, limit: 3 });
    expect(back.entries.map((e) => e.id)).toEqual(pages[1]?.entries.map((e) => e.id));
    expect(back.newer).toBeDefined();
  });

  it("filters by person, action, outcome and time range in UTC", async () => {
    const importId = await seed(6, (i) => ({
      actorEmail: i < 3 ? "alice@example.test" : "bob@example.test",
      action: i % 2 === 0 ? "start" : "stop",
      outcome: i === 5 ? "refused" : "ok",
      errorCode: i === 5 ? "forbidden" : undefined,
    }));
    const list = (filters: Record<string, unknown>) =>
      log()
        .list({ filters: { import: importId, ...filters }, limit: 50 })
        .then((page) => page.entries);
    expect(await list({ person: "bob@example.test" })).toHaveLength(3);
    expect(await list({ action: "stop" })).toHaveLength(3);
    const refused = await list({ outcome: "refused" });
    expect(refused.map((e) => [e.actorEmail, e.errorCode])).toEqual([
      ["bob@example.test", "forbidden"],
    ]);
    // Rows at 12:00:00, 12:00:01, 12:00:02; "to" 12:00 includes its whole minute.
    expect(
      await list({ from: new Date("2030-06-01T12:00:00Z"), to: new Date("2030-06-01T12:00:00Z") }),
    ).toHaveLength(6);
    expect(await list({ to: new Date("2030-06-01T11:59:00Z") })).toHaveLength(0);
    expect(await list({ person: "alice@example.test" })).toHaveLength(3);
  });

  it("stores emails lower-case so the person filter matches however they were typed", async () => {
    const importId = await seed(1);
    const [entry] = (await log().list({ filters: { import: importId }, limit: 5 })).entries;
    expect(entry?.actorEmail).toBe("alice@example.test");
  });

  it("reads back rows an older version wrote without crashing on unknown values", async () => {
    const importId = randomUUID();
    await db()
      .pool()
      .query(
        `insert into activity (action, outcome, import_id, time_range) values ('plan-approve', 'partial', $1, '"not an object"')`,
        [importId],
      );
    const [entry] = (await log().list({ filters: { import: importId }, limit: 5 })).entries;
    expect(entry).toMatchObject({ action: "plan-approve", outcome: "partial", timeRange: null });
  });

  it("deletes only entries past the retention period", async () => {
    const importId = await seed(2, (i) => ({
      occurredAt: new Date(i === 0 ? "2020-01-01T00:00:00Z" : "2030-01-01T00:00:00Z"),
    }));
    const deleted = await log().deleteOlderThan(400, new Date("2029-12-31T00:00:00Z"));
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await log().list({ filters: { import: importId }, limit: 5 });
    expect(left.entries.map((e) => e.occurredAt.toISOString())).toEqual([
      "2030-01-01T00:00:00.000Z",
    ]);
  });
});

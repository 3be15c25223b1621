import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseFor } from "./client.ts";
import { DatabaseUnavailableError } from "./errors.ts";
import { describeEachDatabase } from "./testing/targets.ts";
import { lockStore } from "./locks.ts";
import { rateLimitStore } from "./rate-limits.ts";
import { submissionReplayStore } from "./submission-replays.ts";
import { ticketStore } from "./tickets.ts";

// Two pools on one database stand in for two replicas of the app.
describeEachDatabase("expiring stores", (db) => {
  const replicas = () => [databaseFor(db().pool()), databaseFor(db().pool())] as const;
  const at = (iso: string) => new Date(iso);

  it("replays the first result of a submission, whichever replica stored it", async () => {
    const [a, b] = replicas();
    const user = `user-${randomUUID()}`;
    const [first, second] = await Promise.all([
      submissionReplayStore(a).remember(user, "sub-1", { importId: "one" }, 60_000),
      submissionReplayStore(b).remember(user, "sub-1", { importId: "two" }, 60_000),
    ]);
    expect([first.first, second.first].sort()).toEqual([false, true]);
    expect(second.result).toEqual(first.result);
    expect(await submissionReplayStore(b).recall(user, "sub-1")).toEqual(first.result);
    expect(await submissionReplayStore(a).recall(user, "sub-2")).toBeUndefined();
  });

  it("forgets a replay once it expires, and a new submission then wins", async () => {
    const [a] = replicas();
    const store = submissionReplayStore(a);
    const user = `user-${randomUUID()}`;
    await store.remember(user, "s", { n: 1 }, 1_000, at("2030-01-01T00:00:00Z"));
    expect(await store.recall(user, "s", at("2030-01-01T00:00:02Z"))).toBeUndefined();
    const again = await store.remember(user, "s", { n: 2 }, 1_000, at("2030-01-01T00:00:02Z"));
    expect(again).toEqual({ first: true, result: { n: 2 } });
    expect(await store.deleteExpired(at("2030-01-01T00:00:05Z"))).toBeGreaterThanOrEqual(1);
    expect(await store.recall(user, "s", at("2030-01-01T00:00:02.500Z"))).toBeUndefined();
  });

  it("counts a rate limit across replicas in one window, then opens a new window", async () => {
    const [a, b] = replicas();
    const key = `rl-${randomUUID()}`;
    const now = at("2030-01-01T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rateLimitStore(i % 2 ? a : b).hit(key, 5, 60_000, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(r).toEqual({ allowed: false, remaining: 0, retryAfterMs: 60_000 });
    const later = await rateLimitStore(a).hit(key, 5, 60_000, at("2030-01-01T00:00:30Z"));
    expect(later).toEqual({ allowed: false, remaining: 0, retryAfterMs: 30_000 });
    const next = await rateLimitStore(b).hit(key, 5, 60_000, at("2030-01-01T00:01:00Z"));
    expect(next).toEqual({ allowed: true, remaining: 4, retryAfterMs: 0 });
  });

  it("redeems a ticket once across replicas, and never after it expired", async () => {
    const [a, b] = replicas();
    const id = randomUUID();
    const expires = new Date(Date.now() + 60_000);
    const results = await Promise.all([
      ticketStore(a).redeemOnce(id, expires),
      ticketStore(b).redeemOnce(id, expires),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ticketStore(a).redeemOnce(id, expires)).toBe(false);
    expect(await ticketStore(a).redeemOnce(randomUUID(), new Date(Date.now() - 1))).toBe(false);
  });

  it("grants a lock to one owner, extends it for that owner, and hands it over once expired", async () => {
    const [a, b] = replicas();
    const key = `lock-${randomUUID()}`;
    const t0 = at("2030-01-01T00:00:00Z");
    const claims = await Promise.all([
      lockStore(a).claim(key, "replica-a", 10_000, t0),
      lockStore(b).claim(key, "replica-b", 10_000, t0),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [holder, other] = claims[0] ? ["replica-a", "replica-b"] : ["replica-b", "replica-a"];
    const t5 = at("2030-01-01T00:00:05Z");
    expect(await lockStore(a).claim(key, holder, 10_000, t5)).toBe(true);
    // Extended to 00:15, so at 00:12 it is still held.
    expect(await lockStore(b).claim(key, other, 10_000, at("2030-01-01T00:00:12Z"))).toBe(false);
    expect(await lockStore(b).claim(key, other, 10_000, at("2030-01-01T00:00:15Z"))).toBe(true);
    expect(await lockStore(a).release(key, holder)).toBe(false);
    expect(await lockStore(a).release(key, other)).toBe(true);
    expect(await lockStore(b).claim(key, holder, 10_000, at("2030-01-01T00:00:16Z"))).toBe(true);
  });
});

describe("an unreachable database", () => {
  it("surfaces as DatabaseUnavailableError, which actions can explain", async () => {
    const pool = new pg.Pool({
      connectionString: "postgres://postgres@127.0.0.1:1/none?sslmode=disable",
      connectionTimeoutMillis: 2_000,
    });
    try {
      await expect(
        ticketStore(databaseFor(pool)).redeemOnce("t", new Date(Date.now() + 60_000)),
      ).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await pool.end();
    }
  });
});

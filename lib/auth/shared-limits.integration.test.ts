import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { databaseFor } from "@/lib/db/client";
import { rateLimitStore } from "@/lib/db/rate-limits";
import { sessionRevocationStore } from "@/lib/db/session-revocations";
import { describeEachDatabase } from "@/lib/db/testing/targets";
import { createRateLimiter } from "./rate-limit";

// Two pools on one database stand in for two replicas of the app.
describeEachDatabase("budgets and sign-outs shared by replicas", (db) => {
  const replicas = () => [databaseFor(db().pool()), databaseFor(db().pool())] as const;

  it("gives a person one action budget across replicas, not one per replica", async () => {
    const [a, b] = replicas();
    const config = { limit: 7, windowMs: 60_000 };
    const limiters = [
      createRateLimiter("action", config, rateLimitStore(a)),
      createRateLimiter("action", config, rateLimitStore(b)),
    ];
    const person = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => limiters[i % 2]?.take(person)),
    );
    expect(answers.filter(Boolean)).toHaveLength(7);
    // Another person, and another purpose for the same person, have budgets of their own.
    expect(await limiters[0]?.take(randomUUID())).toBe(true);
    expect(await createRateLimiter("caller-aws", config, rateLimitStore(b)).take(person)).toBe(
      true,
    );
  });

  it("rejects, rather than allows, when the counter cannot be reached", async () => {
    const dead = createRateLimiter(
      "action",
      { limit: 1, windowMs: 1_000 },
      { hit: () => Promise.reject(new Error("ECONNREFUSED")) },
    );
    await expect(dead.take("alice")).rejects.toThrow("ECONNREFUSED");
  });

  it("ends a session signed out on one replica on the other, until its cap", async () => {
    const [a, b] = replicas();
    const sid = randomUUID();
    const now = new Date("2030-01-01T00:00:00Z");
    const cap = new Date("2030-01-01T08:00:00Z");
    expect(await sessionRevocationStore(b).isRevoked(sid, now)).toBe(false);
    await sessionRevocationStore(a).revoke(sid, cap, now);
    expect(await sessionRevocationStore(b).isRevoked(sid, now)).toBe(true);
    expect(await sessionRevocationStore(b).isRevoked(randomUUID(), now)).toBe(false);
    // Signing out again (another copy of the same session) is harmless.
    await sessionRevocationStore(b).revoke(sid, cap, now);
    expect(await sessionRevocationStore(b).isRevoked(sid, new Date("2030-01-01T08:00:01Z"))).toBe(
      false,
    );
    expect(
      await sessionRevocationStore(a).deleteExpired(new Date("2030-01-01T08:00:01Z")),
    ).toBeGreaterThanOrEqual(1);
  });
});

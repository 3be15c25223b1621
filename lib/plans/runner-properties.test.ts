import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHUNK_STATES, PLAN_STATES } from "@/lib/schemas/plan-rows";
import { decideTick, type PlanSnapshot } from "./runner-decision";
import {
  NOW,
  OTHER_ACCOUNT_STORE,
  STORE,
  chunkRow,
  observed,
  planRow,
  uuid,
} from "./runner-fixtures";

const STATUSES = [
  "INITIALIZING",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "STOPPED",
  "UNKNOWN",
] as const;
const importId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const chunkArb = fc.record({
  state: fc.constantFrom(...CHUNK_STATES),
  attempts: fc.integer({ min: 0, max: 6 }),
  importNo: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  dueIn: fc.option(fc.integer({ min: -3600_000, max: 3600_000 }), { nil: undefined }),
  claimAgo: fc.integer({ min: 0, max: 3600_000 }),
});
const planArb = fc.record({
  state: fc.constantFrom(...PLAN_STATES),
  otherAccount: fc.boolean(),
  chunks: fc.array(chunkArb, { maxLength: 5 }),
});
type PlanSpec = typeof planArb extends fc.Arbitrary<infer T> ? T : never;
const importArb = fc.record({
  no: fc.integer({ min: 1, max: 6 }),
  status: fc.constantFrom(...STATUSES),
  otherAccount: fc.boolean(),
  failureTypes: fc.option(fc.subarray(["SlowDown", "AccessDenied"]), { nil: undefined }),
});

function build(plans: PlanSpec[]): PlanSnapshot[] {
  return plans.map((p, pi) => ({
    plan: planRow({
      id: uuid(pi + 1),
      state: p.state,
      destination: p.otherAccount ? OTHER_ACCOUNT_STORE : STORE,
    }),
    chunks: p.chunks.map((c, ci) =>
      chunkRow(ci, {
        id: uuid(10_000 + pi * 100 + ci),
        planId: uuid(pi + 1),
        state: c.state,
        attempts: c.attempts,
        importId: c.importNo === undefined ? undefined : importId(c.importNo),
        nextAttemptAt: c.dueIn === undefined ? undefined : new Date(NOW.getTime() + c.dueIn),
        claimedAt: new Date(NOW.getTime() - c.claimAgo),
      }),
    ),
  }));
}

describe("decideTick invariants over arbitrary states", () => {
  it("is deterministic, starts at most one import per account and never next to a running one", () => {
    fc.assert(
      fc.property(
        fc.array(planArb, { maxLength: 4 }),
        fc.array(importArb, { maxLength: 6 }),
        (planSpecs, importSpecs) => {
          const plans = build(planSpecs);
          const imports = importSpecs.map((i) =>
            observed(importId(i.no), {
              status: i.status,
              destinations: [i.otherAccount ? OTHER_ACCOUNT_STORE : STORE],
              ...(i.failureTypes ? { failureTypes: i.failureTypes } : {}),
            }),
          );
          const input = {
            now: NOW,
            plans,
            imports,
            listedScopes: ["111122223333", "444455556666"],
            random: () => 0.3,
          };
          const effects = decideTick(input);
          expect(decideTick(input)).toEqual(effects);

          const chunks = new Map(
            plans.flatMap((s) => s.chunks.map((c) => [c.id, { chunk: c, plan: s.plan }] as const)),
          );
          const startedAccounts = new Set<string>();
          const touched = new Map<string, number>();
          for (const effect of effects) {
            if (effect.type === "notify" || effect.type === "finish-plan") continue;
            touched.set(
              effect.chunkId,
              (touched.get(effect.chunkId) ?? 0) +
                (effect.type === "poll-import" ||
                effect.type === "record-progress" ||
                effect.type === "stop-import"
                  ? 0
                  : 1),
            );
            if (effect.type !== "start-import") continue;
            const found = chunks.get(effect.chunkId);
            expect(found?.chunk.state).toBe("pending");
            expect(found?.plan.state).toBe("active");
            expect((found?.chunk.nextAttemptAt?.getTime() ?? 0) <= NOW.getTime()).toBe(true);
            const account = found?.plan.destination.split(":")[4] ?? "";
            expect(startedAccounts.has(account)).toBe(false);
            startedAccounts.add(account);
            const blocking = imports.some(
              (i) =>
                !["COMPLETED", "FAILED", "STOPPED"].includes(i.status) &&
                i.destinations[0]?.split(":")[4] === account,
            );
            expect(blocking).toBe(false);
            const occupied = plans.some(
              (s) =>
                s.plan.destination.split(":")[4] === account &&
                s.plan.state !== "completed" &&
                s.plan.state !== "failed" &&
                // A claim past its grace period is given up in this tick.
                s.chunks.some(
                  (c) =>
                    c.state === "starting" &&
                    NOW.getTime() - (c.claimedAt?.getTime() ?? 0) <= 600_000,
                ),
            );
            expect(occupied).toBe(false);
          }
          // A chunk changes state at most once per tick.
          for (const count of touched.values()) expect(count).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 400 },
    );
  });
});

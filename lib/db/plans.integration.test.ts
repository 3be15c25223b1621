import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { buildChunks } from "@/lib/plans/chunks";
import { planDraftSchema } from "@/lib/schemas/plan";
import { databaseFor } from "./client.ts";
import { describeEachDatabase } from "./testing/targets.ts";
import { planRepository } from "./plans.ts";

const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store-a";
const draft = planDraftSchema.parse({
  destination: STORE,
  sources: [
    {
      s3Uri: "s3://trail-logs/",
      bucketRegion: "us-east-1",
      roleArn: "arn:aws:iam::111122223333:role/Import",
      organization: {
        organizationId: "o-a1b2c3d4e5",
        accountIds: ["111122223333", "444455556666"],
      },
    },
  ],
  range: { from: "2025-01-01", to: "2025-01-03" },
  chunkSize: "day",
  maxRetries: 2,
});
const creator = { email: "ana@example.test", sub: "ana" };

describeEachDatabase("plan repository", (db) => {
  const repo = () => planRepository(databaseFor(db().pool()));
  const create = (planId = randomUUID()) =>
    repo().createPlan({
      planId,
      draft,
      name: "Backfill",
      createdBy: creator,
      chunks: buildChunks(planId, draft),
    });

  it("creates a plan with its sources and chunks once, however often the same id is submitted", async () => {
    const planId = randomUUID();
    await Promise.all([create(planId), create(planId)]);
    const detail = await repo().getPlan(planId);
    expect(detail?.plan).toMatchObject({
      id: planId,
      state: "active",
      createdBy: creator.email,
      maxRetries: 2,
    });
    expect(detail?.range).toEqual({ from: "2025-01-01", to: "2025-01-03" });
    expect(detail?.creator).toEqual(creator);
    expect(detail?.sources[0]?.accountIds).toEqual(["111122223333", "444455556666"]);
    expect(detail?.chunks.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await repo().getPlan("not-a-uuid")).toBeNull();
  });

  it("pages plans newest first with chunk counts", async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await create()).planId);
    const first = await repo().listPlans({ limit: 2 });
    expect(first.plans).toHaveLength(2);
    expect(first.plans[0]?.chunkCounts).toMatchObject({ pending: 6, completed: 0, held: 0 });
    const second = await repo().listPlans({ limit: 2, cursor: first.nextCursor });
    const seen = [...first.plans, ...second.plans].map((p) => p.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual(ids.reverse());
  });

  it("lets only the first of two conflicting changes win", async () => {
    const { planId } = await create();
    const results = await Promise.all([
      repo().setPlanState(planId, ["active"], "paused"),
      repo().setPlanState(planId, ["active"], "cancelled"),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const chunk = (await repo().getPlan(planId))?.chunks[0];
    if (!chunk) throw new Error("The plan has chunks.");
    expect(
      await repo().setChunkState(planId, chunk.id, ["pending"], {
        state: "skipped",
        nextAttemptAt: null,
      }),
    ).toBe(true);
    expect(await repo().setChunkState(planId, chunk.id, ["pending"], { state: "skipped" })).toBe(
      false,
    );
  });

  it("lists the chunks of live plans that have no import yet for the coverage timeline", async () => {
    const { planId } = await create();
    const planned = (await repo().chunksForCoverage(STORE)).filter((c) => c.planId === planId);
    expect(planned).toHaveLength(6);
    await repo().setPlanState(planId, ["active"], "cancelled");
    expect((await repo().chunksForCoverage(STORE)).some((c) => c.planId === planId)).toBe(false);
  });
});

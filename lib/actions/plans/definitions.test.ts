import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppUser } from "@/lib/auth/user";
import { buildAction } from "../action-pipeline";

// The repository is the runner branch's; these tests pin what the actions ask of it.
const repo = vi.hoisted(() => ({
  createPlan: vi.fn(),
  getPlan: vi.fn(),
  setPlanState: vi.fn(),
  setChunkState: vi.fn(),
}));
vi.mock("@/lib/db/plans", () => repo);
vi.mock("@/lib/plans/advance", () => ({ advancePlansSoon: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { chunkCommandDefinition, createPlanDefinition, planCommandDefinition } =
  await import("./definitions");

const alice: AppUser = {
  id: "sub-alice",
  name: "Alice",
  email: "alice@example.com",
  roles: ["operator"],
};
const PLAN = "00000000-0000-4000-8000-0000000000aa";
const CHUNK = "00000000-0000-4000-8000-0000000000bb";
const ARN = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/abc-123";

beforeEach(() => vi.clearAllMocks());

describe("createPlanDefinition", () => {
  it("stores the draft's chunks with the signed-in creator", async () => {
    repo.createPlan.mockResolvedValue({ planId: PLAN });
    const action = buildAction({ getUser: async () => alice }, createPlanDefinition);
    const result = await action({
      submissionId: "00000000-0000-4000-8000-0000000000cc",
      destination: ARN,
      sources: [
        {
          s3Uri: "s3://trail/AWSLogs/111122223333/CloudTrail/",
          bucketRegion: "us-east-1",
          roleArn: "arn:aws:iam::111122223333:role/Import",
        },
      ],
      range: { from: "2025-01-01", to: "2025-01-31" },
      chunkSize: "week",
      maxRetries: "2",
    });
    expect(result).toEqual({
      ok: true,
      data: { planId: PLAN, chunks: 5 },
      message: "Plan created",
    });
    const stored = repo.createPlan.mock.calls[0]?.[0];
    expect(stored.createdBy).toEqual({ email: "alice@example.com", sub: "sub-alice" });
    expect(stored.draft.maxRetries).toBe(2);
    expect(stored.chunks).toHaveLength(5);
  });

  it("names the field and the rule of an invalid draft without storing anything", async () => {
    const action = buildAction({ getUser: async () => alice }, createPlanDefinition);
    const result = await action({
      submissionId: "00000000-0000-4000-8000-0000000000cc",
      destination: ARN,
      sources: [],
      range: { from: "2025-02-01", to: "2025-01-01" },
      chunkSize: "week",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        sources: ["Add at least one source"],
        range: ["Last day must be on or after the first day"],
      },
    });
    expect(repo.createPlan).not.toHaveBeenCalled();
  });
});

describe("plan and chunk commands", () => {
  it("reports a lost race as someone else's change", async () => {
    repo.getPlan.mockResolvedValue({ plan: { state: "active" }, sources: [], chunks: [] });
    repo.setPlanState.mockResolvedValue(false);
    const pause = buildAction({ getUser: async () => alice }, planCommandDefinition("pause"));
    expect(await pause({ planId: PLAN })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "Someone else changed this plan; reload to see where it is now.",
    });
    expect(repo.setPlanState).toHaveBeenCalledWith(PLAN, ["active"], "paused");
  });

  it("re-runs a chunk conditionally on its state and reopens the finished plan", async () => {
    repo.getPlan.mockResolvedValue({
      plan: { state: "failed" },
      sources: [],
      chunks: [{ id: CHUNK, state: "stopped" }],
    });
    repo.setChunkState.mockResolvedValue(true);
    repo.setPlanState.mockResolvedValue(true);
    const rerun = buildAction({ getUser: async () => alice }, chunkCommandDefinition("rerun"));
    expect(await rerun({ planId: PLAN, chunkId: CHUNK })).toMatchObject({ ok: true });
    expect(repo.setChunkState).toHaveBeenCalledWith(PLAN, CHUNK, ["stopped"], {
      state: "pending",
      attempts: 0,
      nextAttemptAt: null,
    });
    expect(repo.setPlanState).toHaveBeenCalledWith(PLAN, ["failed"], "active");
  });

  it("refuses viewers before reading the plan", async () => {
    const viewer = { ...alice, roles: ["viewer" as const] };
    const cancel = buildAction({ getUser: async () => viewer }, planCommandDefinition("cancel"));
    expect(await cancel({ planId: PLAN })).toMatchObject({ ok: false, code: "forbidden" });
    expect(repo.getPlan).not.toHaveBeenCalled();
  });
});

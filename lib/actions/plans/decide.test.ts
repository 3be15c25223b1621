import { describe, expect, it } from "vitest";
import { decideChunkCommand, decidePlanCommand, defaultPlanName } from "./decide";

const CHUNK = "00000000-0000-4000-8000-000000000001";

describe("decidePlanCommand", () => {
  it("updates only from the state the plan was read in", () => {
    expect(decidePlanCommand({ state: "active" }, "pause")).toEqual({
      ok: true,
      update: { from: ["active"], to: "paused" },
    });
    expect(decidePlanCommand({ state: "paused" }, "cancel")).toEqual({
      ok: true,
      update: { from: ["paused"], to: "cancelled" },
    });
  });

  it("refuses a move the plan's state does not allow, in words", () => {
    expect(decidePlanCommand({ state: "completed" }, "pause")).toEqual({
      ok: false,
      error: "A plan that is completed can't be paused",
    });
  });
});

describe("decideChunkCommand", () => {
  it("re-runs a failed chunk with a fresh budget and reopens its failed plan", () => {
    expect(
      decideChunkCommand({ state: "failed" }, [{ id: CHUNK, state: "failed" }], CHUNK, "rerun"),
    ).toEqual({
      ok: true,
      update: {
        from: ["failed"],
        patch: { state: "pending", attempts: 0, nextAttemptAt: null },
        plan: { from: ["failed"], to: "active" },
      },
    });
  });

  it("skips a pending chunk without touching the plan", () => {
    expect(
      decideChunkCommand({ state: "active" }, [{ id: CHUNK, state: "pending" }], CHUNK, "skip"),
    ).toEqual({
      ok: true,
      update: { from: ["pending"], patch: { state: "skipped", nextAttemptAt: null } },
    });
  });

  it("refuses a chunk of another plan and a completed chunk's re-run", () => {
    expect(decideChunkCommand({ state: "active" }, [], CHUNK, "skip")).toMatchObject({
      ok: false,
      error: "This chunk is not part of the plan; reload the plan.",
    });
    expect(
      decideChunkCommand({ state: "active" }, [{ id: CHUNK, state: "completed" }], CHUNK, "rerun"),
    ).toEqual({ ok: false, error: "A chunk that is completed can't be re-run" });
  });
});

describe("defaultPlanName", () => {
  it("names the store and the range", () => {
    expect(
      defaultPlanName({
        destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/abc-123",
        range: { from: "2025-01-01", to: "2025-03-31" },
      }),
    ).toBe("abc-123, 2025-01-01 to 2025-03-31");
  });
});

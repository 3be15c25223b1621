import { describe, expect, it } from "vitest";
import { chunkTransition, planTransition } from "./transitions";

describe("planTransition", () => {
  it("pauses, resumes and cancels from the right states only", () => {
    expect(planTransition("active", "pause")).toEqual({ ok: true, to: "paused" });
    expect(planTransition("paused", "resume")).toEqual({ ok: true, to: "active" });
    expect(planTransition("paused", "cancel")).toEqual({ ok: true, to: "cancelled" });
    expect(planTransition("completed", "cancel")).toEqual({
      ok: false,
      error: "A plan that is completed can't be cancelled",
    });
    expect(planTransition("active", "resume")).toEqual({
      ok: false,
      error: "A plan that is active can't be resumed",
    });
  });
});

describe("chunkTransition", () => {
  it("skips waiting or failed chunks but not running ones", () => {
    expect(chunkTransition({ state: "failed" }, "active", "skip")).toMatchObject({
      ok: true,
      to: { chunk: { state: "skipped" } },
    });
    expect(chunkTransition({ state: "running" }, "active", "skip")).toEqual({
      ok: false,
      error: "A chunk that is running can't be skipped",
    });
  });

  it("re-runs with a fresh budget and reopens a finished plan", () => {
    expect(chunkTransition({ state: "failed" }, "failed", "rerun")).toEqual({
      ok: true,
      to: {
        chunk: { state: "pending", attempts: 0, nextAttemptAt: null, lastError: null },
        plan: "active",
      },
    });
    expect(chunkTransition({ state: "stopped" }, "paused", "rerun")).toMatchObject({
      ok: true,
      to: { chunk: { state: "pending" } },
    });
  });

  it("never re-runs a completed chunk or touches a cancelled plan", () => {
    expect(chunkTransition({ state: "completed" }, "active", "rerun").ok).toBe(false);
    expect(chunkTransition({ state: "failed" }, "cancelled", "rerun")).toEqual({
      ok: false,
      error: "The plan was cancelled",
    });
  });
});

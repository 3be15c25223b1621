import { describe, expect, it } from "vitest";
import type { ChunkState } from "@/lib/schemas/plan-rows";
import { chunkCountProgress, describeChunkCounts, isPlanLive } from "./plan-view-model";

const none: Record<ChunkState, number> = {
  pending: 0,
  starting: 0,
  running: 0,
  completed: 0,
  failed: 0,
  stopped: 0,
  skipped: 0,
  held: 0,
};

describe("chunkCountProgress", () => {
  it("counts completed, failed, stopped and skipped chunks as finished", () => {
    expect(
      chunkCountProgress({ ...none, completed: 2, failed: 1, skipped: 1, pending: 3, running: 1 }),
    ).toEqual({ done: 4, total: 8, percent: 50 });
  });

  it("is 0 % for a plan without chunks rather than dividing by zero", () => {
    expect(chunkCountProgress(none)).toEqual({ done: 0, total: 0, percent: 0 });
  });
});

describe("describeChunkCounts", () => {
  it("lists only the non-zero states, in a fixed order", () => {
    expect(describeChunkCounts({ ...none, failed: 1, pending: 12, running: 1 })).toBe(
      "12 pending, 1 running, 1 failed",
    );
    expect(describeChunkCounts(none)).toBe("no chunks");
  });
});

describe("isPlanLive", () => {
  it("keeps refreshing plans that can still start or finish imports", () => {
    expect(isPlanLive("active")).toBe(true);
    expect(isPlanLive("paused")).toBe(true);
    expect(isPlanLive("completed")).toBe(false);
    expect(isPlanLive("cancelled")).toBe(false);
  });
});

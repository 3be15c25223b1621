import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "./concurrency";

describe("mapWithConcurrency", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < n; i++) await Promise.resolve();
      running -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it("handles an empty list and rejects when a call fails", async () => {
    expect(await mapWithConcurrency([], 3, async () => 1)).toEqual([]);
    await expect(
      mapWithConcurrency([1, 2], 3, async (n) => {
        if (n === 2) throw new Error("GetEventDataStore failed");
        return n;
      }),
    ).rejects.toThrow("GetEventDataStore failed");
  });
});

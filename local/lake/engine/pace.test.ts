import { describe, expect, it } from "vitest";
import { initializingDelay, parsePace, tickFor } from "./pace.ts";

describe("pace", () => {
  it("spreads a demo import over about 30 seconds", () => {
    for (const files of [12, 480, 5000]) {
      const { delayMs, batch } = tickFor("demo", files);
      const total = Math.ceil(files / batch) * delayMs;
      expect(total).toBeGreaterThan(10_000);
      expect(total).toBeLessThan(60_000);
    }
    expect(initializingDelay("demo")).toBeGreaterThan(0);
  });

  it("runs flat out when fast, and per file for a number", () => {
    expect(tickFor("fast", 100)).toEqual({ delayMs: 0, batch: 50 });
    expect(initializingDelay("fast")).toBe(0);
    expect(tickFor(200, 100)).toEqual({ delayMs: 200, batch: 1 });
    expect(tickFor(2, 100)).toEqual({ delayMs: 10, batch: 5 });
  });

  it("parses pace settings", () => {
    expect([parsePace("demo"), parsePace("fast"), parsePace("40"), parsePace(0)]).toEqual([
      "demo",
      "fast",
      40,
      0,
    ]);
    expect([parsePace("warp"), parsePace(-1), parsePace("")]).toEqual([null, null, null]);
  });
});

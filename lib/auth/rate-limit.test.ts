import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then refuses until tokens refill", () => {
    let time = 0;
    const limiter = createRateLimiter({ capacity: 3, refillMs: 1000 }, () => time);
    expect([limiter.take("alice"), limiter.take("alice"), limiter.take("alice")]).toEqual([
      true,
      true,
      true,
    ]);
    expect(limiter.take("alice")).toBe(false);
    time += 999;
    expect(limiter.take("alice")).toBe(false);
    time += 1; // 1000 ms since the burst: exactly one token back
    expect(limiter.take("alice")).toBe(true);
    expect(limiter.take("alice")).toBe(false);
  });

  it("keeps one bucket per key", () => {
    const limiter = createRateLimiter({ capacity: 1, refillMs: 60_000 }, () => 0);
    expect(limiter.take("alice")).toBe(true);
    expect(limiter.take("alice")).toBe(false);
    expect(limiter.take("bob")).toBe(true);
  });

  it("never stores more than capacity after a long pause", () => {
    let time = 0;
    const limiter = createRateLimiter({ capacity: 2, refillMs: 10 }, () => time);
    limiter.take("alice");
    time += 1_000_000;
    expect([limiter.take("alice"), limiter.take("alice"), limiter.take("alice")]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

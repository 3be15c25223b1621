import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

const opts = (value: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => value });

describe("backoffDelay", () => {
  it("doubles the ceiling per retry and draws between its half and its whole", () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, opts(0)))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, opts(0.999_999)))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it("stops growing at the maximum", () => {
    expect(backoffDelay(30, opts(0.5))).toBe(45_000);
    expect(backoffDelay(1000, opts(0.999_999))).toBe(60_000);
  });

  it("treats retry 0 and out-of-range draws as the first retry's bounds", () => {
    expect(backoffDelay(0, opts(-1))).toBe(500);
    expect(backoffDelay(1, opts(7))).toBe(1000);
  });
});

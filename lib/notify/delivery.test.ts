import { describe, expect, it } from "vitest";
import { DELIVERY_MAX_ATTEMPTS, nextDelivery, retryAfterMs } from "./delivery";

const NOW = new Date("2026-02-01T12:00:00Z");
const base = { now: NOW, random: () => 0 };
const waitOf = (outcome: ReturnType<typeof nextDelivery>) =>
  outcome.outcome === "retry" ? outcome.at.getTime() - NOW.getTime() : null;

describe("nextDelivery", () => {
  it("counts any 2xx as delivered", () => {
    expect(nextDelivery({ ...base, attempt: 1, status: 204 })).toEqual({ outcome: "delivered" });
  });

  it("disables the endpoint on 410", () => {
    expect(nextDelivery({ ...base, attempt: 1, status: 410 }).outcome).toBe("disable");
  });

  it("retries redirects, errors and silence with growing waits", () => {
    expect(nextDelivery({ ...base, attempt: 1, status: 301 })).toMatchObject({
      outcome: "retry",
      reason: expect.stringMatching(/not followed/),
    });
    expect(
      [1, 2, 3].map((attempt) => waitOf(nextDelivery({ ...base, attempt, status: 500 }))),
    ).toEqual([2500, 5000, 10_000]);
    expect(nextDelivery({ ...base, attempt: 1 })).toMatchObject({
      outcome: "retry",
      reason: expect.stringMatching(/No response/),
    });
  });

  it("honours a longer Retry-After but not a shorter one", () => {
    expect(waitOf(nextDelivery({ ...base, attempt: 1, status: 429, retryAfter: "120" }))).toBe(
      120_000,
    );
    expect(waitOf(nextDelivery({ ...base, attempt: 3, status: 429, retryAfter: "1" }))).toBe(
      10_000,
    );
  });

  it("gives up after the last attempt", () => {
    expect(nextDelivery({ ...base, attempt: DELIVERY_MAX_ATTEMPTS, status: 503 }).outcome).toBe(
      "give-up",
    );
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("30", NOW)).toBe(30_000);
    expect(retryAfterMs("Sun, 01 Feb 2026 12:01:00 GMT", NOW)).toBe(60_000);
    expect(retryAfterMs("soon", NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });
});

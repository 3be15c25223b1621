import { describe, expect, it } from "vitest";
import { createRollingLimiter, type SlotClock } from "./lookup-budget";

/** A clock that only moves when a waiter sleeps, so the test sees exactly when each call may go out. */
function fakeClock(): SlotClock & { sent: number[] } {
  let time = 0;
  const sent: number[] = [];
  return {
    sent,
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
  };
}

describe("createRollingLimiter", () => {
  it("never lets more than two calls out in any rolling second", async () => {
    const clock = fakeClock();
    const limiter = createRollingLimiter(2, 10_000, clock);
    for (let index = 0; index < 7; index++) {
      await limiter.acquire("us-east-1");
      clock.sent.push(clock.now());
    }
    expect(clock.sent).toEqual([0, 0, 1000, 1000, 2000, 2000, 3000]);
    for (const [index, time] of clock.sent.entries()) {
      const inWindow = clock.sent.filter((other) => other > time - 1000 && other <= time);
      expect(inWindow.length, `call ${index}`).toBeLessThanOrEqual(2);
    }
  });

  it("keeps Regions apart", async () => {
    const clock = fakeClock();
    const limiter = createRollingLimiter(2, 10_000, clock);
    await limiter.acquire("us-east-1");
    await limiter.acquire("us-east-1");
    await limiter.acquire("eu-west-1");
    expect(clock.now()).toBe(0);
  });

  it("refuses instead of queueing past the longest wait", async () => {
    // Time stands still: five callers arrive at once and reserve slots at 0, 0, 1000, 1000, then 2000.
    const clock: SlotClock = { now: () => 0, sleep: async () => undefined };
    const limiter = createRollingLimiter(2, 1_500, clock);
    for (let index = 0; index < 4; index++) await limiter.acquire("r");
    await expect(limiter.acquire("r")).rejects.toMatchObject({ code: "ThrottlingException" });
  });
});

import "server-only";
import { processWide } from "./cache";
import { CloudTrailAppError } from "./errors";

// LookupEvents is limited to 2 calls a second per account and Region, for every tool in the account
// together; going over throttles the security team's other tooling too. This process never sends more than
// LOOKUP_EVENTS_PER_SECOND in any rolling second per Region (the app reaches one account), including SDK
// retries, because the client's middleware takes a slot for every attempt (client.ts).

export const LOOKUP_EVENTS_PER_SECOND = 2;
/** A caller waits at most this long for a slot; longer means "busy", not a growing queue. */
export const LOOKUP_MAX_WAIT_MS = 2_000;

export type SlotClock = { now: () => number; sleep: (ms: number) => Promise<void> };

const realClock: SlotClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A rolling-window limiter: at most `perSecond` slots in any 1,000 ms per key. Slots are reserved in
 * order, so waiters are served first come, first served.
 */
export function createRollingLimiter(perSecond: number, maxWaitMs: number, clock = realClock) {
  const granted = new Map<string, number[]>();
  return {
    /** Resolves when the call may go out; rejects with ThrottlingException when the wait would be too long. */
    async acquire(key: string): Promise<void> {
      const now = clock.now();
      const recent = (granted.get(key) ?? []).filter((time) => time > now - 1_000);
      const oldest = recent.length >= perSecond ? recent[recent.length - perSecond] : undefined;
      const at = oldest === undefined ? now : Math.max(now, oldest + 1_000);
      if (at - now > maxWaitMs)
        throw new CloudTrailAppError("ThrottlingException", "LookupEvents budget busy");
      recent.push(at);
      granted.set(key, recent);
      if (at > now) await clock.sleep(at - now);
    },
  };
}

const lookups = processWide("lookup-events-budget", () =>
  createRollingLimiter(LOOKUP_EVENTS_PER_SECOND, LOOKUP_MAX_WAIT_MS),
);

/** Waits for this process's share of LookupEvents in `region`. */
export function acquireLookupSlot(region: string): Promise<void> {
  return lookups.acquire(region);
}

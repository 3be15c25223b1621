import { describe, expect, it } from "vitest";
import { createExpiringLocks } from "./expiring-locks";

describe("createExpiringLocks", () => {
  it("refuses a second holder until the first releases", () => {
    const locks = createExpiringLocks(60_000, () => 0);
    const token = locks.tryAcquire("111122223333|us-east-1");
    expect(token).not.toBeNull();
    expect(locks.tryAcquire("111122223333|us-east-1")).toBeNull();
    expect(locks.tryAcquire("111122223333|eu-west-1")).not.toBeNull();
    if (token) locks.release("111122223333|us-east-1", token);
    expect(locks.tryAcquire("111122223333|us-east-1")).not.toBeNull();
  });

  it("frees a lock whose holder never came back, and ignores that holder's late release", () => {
    let time = 0;
    const locks = createExpiringLocks(60_000, () => time);
    const stalled = locks.tryAcquire("k");
    time = 60_001;
    const next = locks.tryAcquire("k");
    expect(next).not.toBeNull();
    if (stalled) locks.release("k", stalled);
    expect(locks.tryAcquire("k")).toBeNull();
  });
});

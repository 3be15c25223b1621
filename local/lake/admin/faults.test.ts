import { describe, expect, it } from "vitest";
import { NO_FAULTS, faultsFromEnv, mergeFaults, rollFault } from "./faults.ts";

describe("faults", () => {
  it("reads LOCAL_LAKE_* variables and ignores unset ones", () => {
    const env = {
      LOCAL_LAKE_THROTTLE_RATE: "0.5",
      LOCAL_LAKE_LATENCY_MS: "200",
      LOCAL_LAKE_ERROR_RATE: "",
    };
    expect(mergeFaults(NO_FAULTS, faultsFromEnv(env))).toEqual({
      throttleRate: 0.5,
      errorRate: 0,
      latencyMs: 200,
    });
  });

  it("rejects rates outside 0–1 and bad latencies", () => {
    expect(() => mergeFaults(NO_FAULTS, faultsFromEnv({ LOCAL_LAKE_ERROR_RATE: "abc" }))).toThrow(
      /errorRate/,
    );
    expect(() => mergeFaults(NO_FAULTS, { throttleRate: 1.5 })).toThrow(/throttleRate/);
    expect(() => mergeFaults(NO_FAULTS, { latencyMs: 70_000 })).toThrow(/latencyMs/);
  });

  it("rolls throttling before errors, and nothing when off", () => {
    expect(rollFault(NO_FAULTS, () => 0)).toBeNull();
    expect(rollFault({ throttleRate: 0.5, errorRate: 1, latencyMs: 0 }, () => 0.2)).toBe(
      "throttle",
    );
    expect(rollFault({ throttleRate: 0.5, errorRate: 1, latencyMs: 0 }, () => 0.7)).toBe("error");
  });
});

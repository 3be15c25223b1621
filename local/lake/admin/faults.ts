// Fault injection for CloudTrail operations (never STS, never /_admin): extra latency, throttling
// (400 ThrottlingException, which both SDKs retry) and 500 InternalFailure. Off by default.
// Throttling uses 400, not the model's 429, because botocore's legacy retry rules only treat
// ThrottlingException as throttling with status 400; the JS SDK retries it either way.

export type Faults = {
  /** 0–1: share of CloudTrail calls answered with ThrottlingException. */
  throttleRate?: number;
  /** 0–1: share answered with 500 InternalFailure. */
  errorRate?: number;
  /** Delay added to every CloudTrail call, in ms. */
  latencyMs?: number;
};

export type ActiveFaults = Required<Faults>;

export const NO_FAULTS: ActiveFaults = { throttleRate: 0, errorRate: 0, latencyMs: 0 };

function rate(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${name} must be a number from 0 to 1`);
  }
  return value;
}

/** Validates a faults object (e.g. a PUT /_admin/faults body); missing members keep `base`'s values. */
export function mergeFaults(base: ActiveFaults, input: Faults): ActiveFaults {
  const next = { ...base };
  if (input.throttleRate !== undefined)
    next.throttleRate = rate(input.throttleRate, "throttleRate");
  if (input.errorRate !== undefined) next.errorRate = rate(input.errorRate, "errorRate");
  if (input.latencyMs !== undefined) {
    const ms = input.latencyMs;
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > 60_000) {
      throw new Error("latencyMs must be a number from 0 to 60000");
    }
    next.latencyMs = ms;
  }
  return next;
}

/** Faults from LOCAL_LAKE_THROTTLE_RATE / LOCAL_LAKE_ERROR_RATE / LOCAL_LAKE_LATENCY_MS. */
export function faultsFromEnv(env: Record<string, string | undefined>): Faults {
  const num = (name: string): number | undefined => {
    const raw = env[name];
    return raw === undefined || raw === "" ? undefined : Number(raw);
  };
  return {
    throttleRate: num("LOCAL_LAKE_THROTTLE_RATE"),
    errorRate: num("LOCAL_LAKE_ERROR_RATE"),
    latencyMs: num("LOCAL_LAKE_LATENCY_MS"),
  };
}

/** Which fault (if any) hits this call. */
export function rollFault(
  faults: ActiveFaults,
  random: () => number = Math.random,
): "throttle" | "error" | null {
  if (faults.throttleRate > 0 && random() < faults.throttleRate) return "throttle";
  if (faults.errorRate > 0 && random() < faults.errorRate) return "error";
  return null;
}

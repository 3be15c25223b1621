import "server-only";
import { ListEventDataStoresCommand } from "@aws-sdk/client-cloudtrail";
import { serverEnv } from "@/lib/env";
import { cloudTrailFor } from "./client";
import { toCloudTrailFailure } from "./errors";
import { configuredRegions } from "./regions";

// Not a person: in per-user mode the probe assumes the per-user role under this name (README, deploy section).
const PROBE_CALLER = { id: "readiness-probe", email: "readiness-probe" };

/**
 * The cheapest CloudTrail call (one event data store) in the home Region, or the first configured
 * one. Answers `undefined` when CloudTrail answered, else "timed out" or the mapped error code:
 * never AWS's own text, which can carry account ids.
 */
export async function probeCloudTrail(timeoutMs: number): Promise<string | undefined> {
  const home = serverEnv().AWS_REGION;
  const regions = configuredRegions();
  const region = regions.includes(home) ? home : (regions[0] ?? home);
  try {
    await cloudTrailFor(PROBE_CALLER, region).send(
      new ListEventDataStoresCommand({ MaxResults: 1 }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    return undefined;
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
      return "timed out";
    return toCloudTrailFailure(error, "listEventDataStores").code;
  }
}

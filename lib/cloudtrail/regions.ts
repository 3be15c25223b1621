import "server-only";
import { serverEnv } from "@/lib/env";
import { parseEventDataStoreArn } from "@/lib/schemas/import";
import type { CloudTrailOperation } from "@/lib/cloudtrail/error-messages";
import { CloudTrailAppError, CloudTrailCallError, RegionNotConfiguredError } from "./errors";

/** The Regions this deployment reads and writes (CLOUDTRAIL_REGIONS, default AWS_REGION). */
export function configuredRegions(): readonly string[] {
  return serverEnv().CLOUDTRAIL_REGIONS;
}

/**
 * Returns `region` when it is configured; throws RegionNotConfiguredError otherwise (wrapped in
 * a CloudTrailCallError when `operation` is given, so the message can be specific).
 */
export function assertConfiguredRegion(region: string, operation?: CloudTrailOperation): string {
  const regions = configuredRegions();
  if (regions.includes(region)) return region;
  const error = new RegionNotConfiguredError(region, regions);
  throw operation ? new CloudTrailCallError(operation, region, error) : error;
}

/**
 * The Region an event data store lives in, read from its ARN (a new import must be started in
 * the destination's Region). Throws for a malformed ARN or a Region that isn't configured.
 */
export function regionOfStoreArn(arn: string, operation?: CloudTrailOperation): string {
  const parts = parseEventDataStoreArn(arn);
  if (!parts) {
    const error = new CloudTrailAppError(
      "EventDataStoreARNInvalidException",
      "Destination is not an event data store ARN",
    );
    throw operation ? new CloudTrailCallError(operation, "unknown", error) : error;
  }
  return assertConfiguredRegion(parts.region, operation);
}

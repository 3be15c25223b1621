import "server-only";
import { jsonNoStore } from "@/lib/http";
import type { CloudTrailErrorCode, CloudTrailOperation } from "./error-messages";
import { describeErrorForLog, toCloudTrailFailure } from "./errors";

/**
 * The HTTP status for a CloudTrail failure, for polling clients: unknown import 404, bad input or
 * unconfigured Region 400, throttling 429 (clients back off), anything upstream 502.
 */
export function httpStatusOf(code: CloudTrailErrorCode): number {
  switch (code) {
    case "ImportNotFoundException":
      return 404;
    case "InvalidParameterException":
    case "InvalidNextTokenException":
    case "RegionNotConfigured":
      return 400;
    case "ThrottlingException":
    case "RateLimited":
      return 429;
    default:
      return 502;
  }
}

/**
 * Maps a CloudTrail failure to an HTTP answer. The body carries our mapped message only; raw
 * details of upstream failures go to the server log.
 */
export function failureResponse(error: unknown, operation: CloudTrailOperation): Response {
  const failure = toCloudTrailFailure(error, operation);
  const status = httpStatusOf(failure.code);
  // A refused identity is logged once where the refusal was detected (credential-recovery.ts), not per request.
  const loggedElsewhere =
    failure.code === "UserSessionRefused" || failure.code === "BaseIdentityRefused";
  if (status === 502 && !loggedElsewhere) {
    console.error(
      JSON.stringify({
        level: "error",
        operation,
        failure: failure.code,
        detail: describeErrorForLog(error),
      }),
    );
  }
  return jsonNoStore(
    { error: failure.code, message: failure.message, retryable: failure.retryable },
    status,
  );
}

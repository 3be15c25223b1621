import "server-only";
import type { CloudTrailOperation } from "@/lib/errors/cloudtrail-messages";
import { describeErrorForLog, toCloudTrailFailure } from "./errors";

const NO_STORE = { "Cache-Control": "no-store" };

/** A JSON answer that no browser or proxy caches (every answer here is per session). */
export function jsonNoStore(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** 400 for input that failed validation; `message` comes from our schema, never from the input. */
export function badRequest(message: string): Response {
  return jsonNoStore({ error: "invalid", message }, 400);
}

/** 404 with a sentence a person can read. */
export function notFound(message: string): Response {
  return jsonNoStore({ error: "not_found", message }, 404);
}

/**
 * Maps a CloudTrail failure to an HTTP answer for polling clients: unknown import 404, bad
 * input or unconfigured Region 400, throttling 429 (clients back off), anything upstream 502.
 * The body carries our mapped message only; raw details go to the server log.
 */
export function failureResponse(error: unknown, operation: CloudTrailOperation): Response {
  const failure = toCloudTrailFailure(error, operation);
  const body = { error: failure.code, message: failure.message, retryable: failure.retryable };
  switch (failure.code) {
    case "ImportNotFoundException":
      return jsonNoStore(body, 404);
    case "InvalidParameterException":
    case "InvalidNextTokenException":
    case "RegionNotConfigured":
      return jsonNoStore(body, 400);
    case "ThrottlingException":
    case "RateLimited":
      return jsonNoStore(body, 429);
    default:
      console.error(
        JSON.stringify({
          level: "error",
          operation,
          failure: failure.code,
          detail: describeErrorForLog(error),
        }),
      );
      return jsonNoStore(body, 502);
  }
}

// A StartImport or StopImport that failed is still recorded, as CloudTrail does: errorCode and
// errorMessage set, responseElements null, the request parameters as the caller sent them.
import type { Caller } from "../identity/callers.ts";
import type { LakeError } from "../protocol/errors.ts";
import type { LakeState } from "../state/lake-state.ts";
import { recordManagementEvent } from "./management-events.ts";

/** `S3LocationUri` → `s3LocationUri`, recursively: CloudTrail records request members in lowerCamel. */
function lowerCamel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCamel);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), lowerCamel(v)]),
  );
}

function parameters(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString("utf8") || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (lowerCamel(value) as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Records the failed call as a management event. */
export function recordFailedCall(
  state: LakeState,
  call: {
    caller: Caller;
    region: string;
    eventName: string;
    body: Buffer;
    error: LakeError;
    requestId: string;
    sourceIp: string;
    userAgent: string;
  },
): void {
  recordManagementEvent(state, {
    caller: call.caller,
    region: call.region,
    eventName: call.eventName,
    requestParameters: parameters(call.body),
    responseElements: null,
    requestId: call.requestId,
    sourceIp: call.sourceIp,
    userAgent: call.userAgent,
    resources: [],
    eventMs: Date.now(),
    errorCode: call.error.code,
    errorMessage: call.error.message,
  });
}

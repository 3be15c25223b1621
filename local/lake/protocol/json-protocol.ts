// awsJson1_1 framing: X-Amz-Target in, JSON out, errors as {"__type","Message","message"} with the
// X-Amzn-ErrorType header (the JS SDK reads the header, botocore only the body's __type).
import type { ServerResponse } from "node:http";
import { LakeError, serializationError } from "./errors.ts";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

// botocore sends the long form, the JS and Go SDKs the short one.
const TARGET_PREFIXES = [
  "CloudTrail_20131101",
  "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
];

/** The operation named by `X-Amz-Target`, or null when the header is missing or names another service. */
export function operationFromTarget(target: string | undefined): string | null {
  if (!target) return null;
  const dot = target.lastIndexOf(".");
  if (dot <= 0 || !TARGET_PREFIXES.includes(target.slice(0, dot))) return null;
  return target.slice(dot + 1) || null;
}

/** The operation name for logs, whatever the target's prefix. */
export function targetOperationName(target: string | undefined): string {
  if (!target) return "(none)";
  return target.slice(target.lastIndexOf(".") + 1) || target;
}

/** Parses a request body; an empty body is `{}`. Anything but a JSON object is a SerializationException. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serializationError("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw serializationError(
      "Start of structure or map expected: the request body must be a JSON object.",
    );
  }
  return value as Record<string, unknown>;
}

/** Writes a JSON response with the headers every awsJson response carries. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  errorType?: string,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    ...(errorType === undefined ? {} : { "X-Amzn-ErrorType": errorType }),
  });
  res.end(text);
}

/** Writes an awsJson error. */
export function sendError(res: ServerResponse, error: LakeError, requestId: string): void {
  sendJson(
    res,
    error.status,
    { __type: error.code, Message: error.message, message: error.message },
    requestId,
    error.code,
  );
}

/** Wraps any thrown value as a LakeError (unknown failures become 500 InternalFailure). */
export function asLakeError(error: unknown): LakeError {
  if (error instanceof LakeError) return error;
  console.error("[lake] internal error:", error);
  return new LakeError(
    "InternalFailure",
    "The request processing has failed because of an unknown error.",
    500,
  );
}

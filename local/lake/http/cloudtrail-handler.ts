// One CloudTrail (awsJson1_1) request: faults, authentication, operation lookup, input parsing,
// the handler, and a call-log entry whatever happened.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { rollFault } from "../admin/faults.ts";
import { recordFailedCall } from "../audit/failed-calls.ts";
import { resolveCaller, type Caller } from "../identity/callers.ts";
import { LakeError } from "../protocol/errors.ts";
import {
  asLakeError,
  operationFromTarget,
  parseJsonBody,
  sendError,
  sendJson,
  targetOperationName,
} from "../protocol/json-protocol.ts";
import type { SigV4Scope } from "../protocol/sigv4.ts";
import { OPERATIONS } from "../ops/registry.ts";
import { DEFAULT_REGION } from "../seed/constants.ts";
import type { LakeDeps } from "./deps.ts";

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function authenticate(
  deps: LakeDeps,
  scope: SigV4Scope | null,
  token: string | undefined,
  now: number,
): Caller {
  if (!scope)
    throw new LakeError(
      "MissingAuthenticationTokenException",
      "Request is missing Authentication Token",
    );
  const result = resolveCaller(deps.state, scope.accessKeyId, token, now);
  if (result.ok) return result.caller;
  if (result.reason === "expired") {
    throw new LakeError(
      "ExpiredTokenException",
      "The security token included in the request is expired",
    );
  }
  throw new LakeError(
    "UnrecognizedClientException",
    "The security token included in the request is invalid.",
  );
}

/** Serves a CloudTrail request whose body has been read. */
export async function handleCloudTrail(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  scope: SigV4Scope | null,
  deps: LakeDeps,
  requestId: string,
): Promise<void> {
  const target = header(req, "x-amz-target");
  const region = scope?.region ?? DEFAULT_REGION;
  let caller: Caller | null = null;
  let status = 200;
  let errorCode: string | null = null;
  try {
    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
    const fault = rollFault(deps.faults);
    if (fault === "throttle") throw new LakeError("ThrottlingException", "Rate exceeded");
    if (fault === "error")
      throw new LakeError(
        "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.",
        500,
      );
    const now = Date.now();
    caller = authenticate(deps, scope, header(req, "x-amz-security-token"), now);
    const operation = operationFromTarget(target);
    if (
      operation === "LookupEvents" &&
      !deps.lookupThrottle.take(`${caller.accountId}|${region}`, now)
    )
      throw new LakeError("ThrottlingException", "Rate exceeded");
    const handler = operation === null ? undefined : OPERATIONS[operation];
    if (!handler) {
      throw new LakeError(
        "UnknownOperationException",
        `The operation ${targetOperationName(target)} is not supported by this endpoint.`,
      );
    }
    const output = await handler(parseJsonBody(body), {
      state: deps.state,
      engine: deps.engine,
      dataDir: deps.dataDir,
      caller,
      region,
      requestId,
      now,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
      userAgent: header(req, "user-agent") ?? "unknown",
      ongoingScope: deps.ongoingScope,
    });
    sendJson(res, 200, output, requestId);
  } catch (error) {
    const lakeError = asLakeError(error);
    status = lakeError.status;
    errorCode = lakeError.code;
    sendError(res, lakeError, requestId);
    const operation = targetOperationName(target);
    if (caller && (operation === "StartImport" || operation === "StopImport")) {
      recordFailedCall(deps.state, {
        caller,
        region,
        eventName: operation,
        body,
        error: lakeError,
        requestId,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
        userAgent: header(req, "user-agent") ?? "unknown",
      });
    }
  } finally {
    deps.callLog.add({
      time: new Date().toISOString(),
      service: "cloudtrail",
      operation: targetOperationName(target),
      accessKeyId: scope?.accessKeyId ?? null,
      principal: caller?.arn ?? null,
      region,
      status,
      error: errorCode,
      requestId,
    });
  }
}

// Front door: /_admin/* → admin; GET and HEAD → S3 (path-style); POSTs by SigV4 service, or
// without a signature by shape: IAM (form, Version 2010-05-08), STS (other forms), Organizations
// (its X-Amz-Target), everything else → CloudTrail. Clients may keep a path prefix, so any POST
// path works.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdmin } from "../admin/admin-routes.ts";
import type { CallLogEntry } from "../admin/call-log.ts";
import { LakeError } from "../protocol/errors.ts";
import { sendError } from "../protocol/json-protocol.ts";
import { parseAuthorization } from "../protocol/sigv4.ts";
import { DEFAULT_REGION } from "../seed/constants.ts";
import { handleSts } from "../sts/sts-handler.ts";
import { BodyTooLargeError, readBody } from "./body.ts";
import { handleCloudTrail } from "./cloudtrail-handler.ts";
import type { LakeDeps } from "./deps.ts";
import { handleIam } from "./iam-handler.ts";
import { ORGANIZATIONS_TARGET_PREFIX, handleOrganizations } from "./organizations-handler.ts";
import { handleS3 } from "./s3-handler.ts";

type Service = "sts" | "iam" | "organizations" | "cloudtrail";
type CallService = CallLogEntry["service"];

function serviceOf(req: IncomingMessage, signed: string | undefined, body: Buffer): Service {
  if (signed === "sts" || signed === "iam" || signed === "organizations") return signed;
  if (signed !== undefined) return "cloudtrail";
  const target = req.headers["x-amz-target"];
  if (typeof target === "string" && target.startsWith(`${ORGANIZATIONS_TARGET_PREFIX}.`))
    return "organizations";
  const type = req.headers["content-type"] ?? "";
  const text = body.toString("utf8");
  if (!type.startsWith("application/x-www-form-urlencoded") || !/(^|&)Action=/.test(text))
    return "cloudtrail";
  return /(^|&)Version=2010-05-08(&|$)/.test(text) ? "iam" : "sts";
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Creates the `request` listener of the Lake's HTTP server. */
export function createRouter(deps: LakeDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendError(
          res,
          new LakeError("RequestEntityTooLargeException", "Request body too large.", 413),
          requestId,
        );
      }
      throw error;
    }
    if (path.startsWith("/_admin/")) return handleAdmin(req, res, path, body, deps);
    const scope = parseAuthorization(req.headers.authorization);
    const log = (
      service: CallService,
      operation: string,
      principal: string | null,
      status: number,
      error: string | null,
    ): void =>
      deps.callLog.add({
        time: new Date().toISOString(),
        service,
        operation,
        accessKeyId: scope?.accessKeyId ?? null,
        principal,
        region: scope?.region ?? DEFAULT_REGION,
        status,
        error,
        requestId,
      });
    if (req.method === "GET" || req.method === "HEAD") {
      const outcome = await handleS3(req, res, scope, deps, requestId);
      return log(
        "s3",
        outcome.operation,
        outcome.caller?.arn ?? null,
        outcome.status,
        outcome.error,
      );
    }
    if (req.method !== "POST") {
      return sendError(
        res,
        new LakeError("UnknownOperationException", "Only POST requests are supported.", 404),
        requestId,
      );
    }
    const token = headerOf(req, "x-amz-security-token");
    const service = serviceOf(req, scope?.service, body);
    if (service === "sts") {
      const outcome = handleSts(res, body, scope, token, deps.state, requestId);
      return log("sts", outcome.action, outcome.caller?.arn ?? null, outcome.status, outcome.error);
    }
    if (service === "iam") {
      const outcome = handleIam(res, body, scope, token, deps.state, requestId);
      return log("iam", outcome.action, outcome.caller?.arn ?? null, outcome.status, outcome.error);
    }
    if (service === "organizations") {
      const target = headerOf(req, "x-amz-target") ?? "";
      const outcome = handleOrganizations(res, body, target, scope, token, deps.state, requestId);
      return log(
        "organizations",
        outcome.operation,
        outcome.caller?.arn ?? null,
        outcome.status,
        outcome.error,
      );
    }
    return handleCloudTrail(req, res, body, scope, deps, requestId);
  };
  return (req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error("[lake] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end('{"__type":"InternalFailure","message":"Internal failure."}');
    });
  };
}

// Front door: /_admin/* → admin, STS (SigV4 service "sts" or a form-encoded Action) → STS,
// everything else POSTed → CloudTrail. Clients may keep a path prefix, so any POST path works.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdmin } from "../admin/admin-routes.ts";
import { LakeError } from "../protocol/errors.ts";
import { sendError } from "../protocol/json-protocol.ts";
import { parseAuthorization } from "../protocol/sigv4.ts";
import { DEFAULT_REGION } from "../seed/constants.ts";
import { handleSts } from "../sts/sts-handler.ts";
import { BodyTooLargeError, readBody } from "./body.ts";
import { handleCloudTrail } from "./cloudtrail-handler.ts";
import type { LakeDeps } from "./deps.ts";

function isStsRequest(req: IncomingMessage, service: string | undefined, body: Buffer): boolean {
  if (service !== undefined) return service === "sts";
  const type = req.headers["content-type"] ?? "";
  return (
    type.startsWith("application/x-www-form-urlencoded") &&
    /(^|&)Action=/.test(body.toString("utf8"))
  );
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
    if (req.method !== "POST") {
      return sendError(
        res,
        new LakeError("UnknownOperationException", "Only POST requests are supported.", 404),
        requestId,
      );
    }
    const scope = parseAuthorization(req.headers.authorization);
    if (isStsRequest(req, scope?.service, body)) {
      const token = req.headers["x-amz-security-token"];
      const outcome = handleSts(
        res,
        body,
        scope,
        Array.isArray(token) ? token[0] : token,
        deps.state,
        requestId,
      );
      deps.callLog.add({
        time: new Date().toISOString(),
        service: "sts",
        operation: outcome.action,
        accessKeyId: scope?.accessKeyId ?? null,
        principal: outcome.caller?.arn ?? null,
        region: scope?.region ?? DEFAULT_REGION,
        status: outcome.status,
        error: outcome.error,
        requestId,
      });
      return;
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

// /_admin/* (loopback only, plain JSON): the call log, fault injection, pace, and replacing a
// file in the local S3 so a failed import can be fixed and retried.
//   GET    /_admin/health                 → {"ok":true}
//   GET    /_admin/calls                  → {"calls":[{time,service,operation,accessKeyId,principal,region,status,error,requestId}]}
//   DELETE /_admin/calls                  → 204
//   GET    /_admin/faults                 → {"throttleRate","errorRate","latencyMs"}
//   PUT    /_admin/faults  {…any of them} → the new faults
//   POST   /_admin/pace    {"pace": "demo"|"fast"|ms} → {"pace"}
//   PUT    /_admin/s3/<bucket>/<key>  {"records":[…]} | {"from":"<key in same bucket>"} → {"bucket","key","events"}
//   POST   /_admin/restart {"downMs": 2000} → 202 {"downMs"}, then a simulated kill -9 + restart (restart.ts);
//                           {"downMs": 0, "reset": true} → 202 {"downMs","reset"}: the restart wipes and re-seeds
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { parsePace } from "../engine/pace.ts";
import { bucketDir, keyPath } from "../s3/s3-uri.ts";
import { writeLogFile } from "../s3/write-log-file.ts";
import { mergeFaults, type Faults } from "./faults.ts";
import { parseDownMs, parseReset, restarterOf } from "./restart.ts";
import { isLoopback } from "../http/body.ts";
import type { LakeDeps } from "../http/deps.ts";

const gunzipAsync = promisify(gunzip);

class AdminError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

function jsonObject(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString("utf8") || "{}");
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new AdminError(400, "The body must be a JSON object.");
}

async function readRecords(path: string): Promise<object[]> {
  try {
    const parsed = JSON.parse((await gunzipAsync(await readFile(path))).toString("utf8")) as {
      Records?: unknown;
    };
    if (Array.isArray(parsed.Records)) return parsed.Records as object[];
  } catch {
    // reported below
  }
  throw new AdminError(400, "The 'from' object is not a valid CloudTrail log file.");
}

async function replaceObject(deps: LakeDeps, rest: string, body: Buffer): Promise<unknown> {
  const slash = rest.indexOf("/");
  const bucket = decodeURIComponent(rest.slice(0, slash));
  const key = rest
    .slice(slash + 1)
    .split("/")
    .map(decodeURIComponent)
    .join("/");
  if (slash <= 0 || key === "" || key.endsWith("/"))
    throw new AdminError(400, "Use /_admin/s3/<bucket>/<key>.");
  let target: string;
  let dir: string;
  try {
    dir = bucketDir(deps.dataDir, bucket);
    target = keyPath(deps.dataDir, bucket, key);
  } catch (error) {
    throw new AdminError(400, error instanceof Error ? error.message : "Invalid bucket or key.");
  }
  if (
    !(await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new AdminError(404, `No bucket ${bucket}.`);
  const input = jsonObject(body);
  let records: object[];
  if (Array.isArray(input.records)) records = input.records as object[];
  else if (typeof input.from === "string") {
    let source: string;
    try {
      source = keyPath(deps.dataDir, bucket, input.from);
    } catch {
      throw new AdminError(400, "Invalid 'from' key.");
    }
    records = await readRecords(source);
  } else throw new AdminError(400, 'Send {"records": [...]} or {"from": "<key>"}.');
  await writeLogFile(target, records);
  return { bucket, key, events: records.length };
}

async function route(
  req: IncomingMessage,
  path: string,
  body: Buffer,
  deps: LakeDeps,
): Promise<[number, unknown?]> {
  const method = req.method ?? "GET";
  if (path === "/_admin/health" && method === "GET") return [200, { ok: true }];
  if (path === "/_admin/calls" && method === "GET") return [200, { calls: deps.callLog.list() }];
  if (path === "/_admin/calls" && method === "DELETE") {
    deps.callLog.clear();
    return [204];
  }
  if (path === "/_admin/faults" && method === "GET") return [200, deps.faults];
  if (path === "/_admin/faults" && method === "PUT") {
    try {
      deps.faults = mergeFaults(deps.faults, jsonObject(body) as Faults);
    } catch (error) {
      throw new AdminError(400, error instanceof Error ? error.message : "Invalid faults.");
    }
    return [200, deps.faults];
  }
  if (path === "/_admin/pace" && method === "POST") {
    const pace = parsePace(jsonObject(body).pace);
    if (pace === null)
      throw new AdminError(400, 'pace must be "demo", "fast" or milliseconds per file.');
    deps.engine.pace = pace;
    return [200, { pace }];
  }
  if (path.startsWith("/_admin/s3/") && method === "PUT") {
    return [200, await replaceObject(deps, path.slice("/_admin/s3/".length), body)];
  }
  throw new AdminError(404, `No admin route ${method} ${path}.`);
}

// The answer goes out first: the kill that follows destroys this very connection.
function restart(res: ServerResponse, body: Buffer, deps: LakeDeps): void {
  const run = restarterOf(deps);
  if (!run) throw new AdminError(501, "This Lake cannot restart itself.");
  const input = jsonObject(body);
  const downMs = parseDownMs(input.downMs);
  if (downMs === null)
    throw new AdminError(400, "downMs must be a whole number of milliseconds from 0 to 60000.");
  const reset = parseReset(input.reset);
  if (reset === null) throw new AdminError(400, "reset must be true or false.");
  res.once("finish", () => {
    run(downMs, { reset }).catch((error: unknown) =>
      console.error("[lake] restart failed:", error),
    );
  });
  res.setHeader("Connection", "close");
  send(res, 202, reset ? { downMs, reset } : { downMs });
}

/** Serves a /_admin request (refused unless it comes from loopback). */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  deps: LakeDeps,
): Promise<void> {
  if (!isLoopback(req))
    return send(res, 403, { error: "Admin endpoints are available from loopback only." });
  try {
    if (path === "/_admin/restart" && req.method === "POST") return restart(res, body, deps);
    const [status, payload] = await route(req, path, body, deps);
    send(res, status, payload);
  } catch (error) {
    if (error instanceof AdminError) return send(res, error.status, { error: error.message });
    console.error("[lake] admin error:", error);
    send(res, 500, { error: "Internal error." });
  }
}

// Server actions called the way an attacker would: raw HTTP, no UI. The wire format of a "fetch action" in
// next 16.4.6 (dist/server/app-render/action-handler.js): POST to any page that imports the action, with
// `Next-Action: <id>` and a text/plain body that React's decodeReply reads (a JSON array of the arguments).
// The answer is an RSC (flight) stream whose rows are `<hex id>:<json>`; the action's return value is one row.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_ORIGIN } from "../fixtures";

export const ACTION_NAMES = [
  "startImportAction",
  "retryImportAction",
  "stopImportAction",
  "createPlanAction",
  "pausePlanAction",
  "resumePlanAction",
  "cancelPlanAction",
  "skipChunkAction",
  "rerunChunkAction",
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type ActionEndpoint = { name: ActionName; id: string; path: string };

type Manifest = {
  node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
};

/** A syntactically valid id for dynamic segments: the page only has to exist for the POST to reach the action. */
const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

/** `app/(dashboard)/imports/[id]/page` → `/imports/<placeholder>`. */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? PLACEHOLDER_ID : segment));
  return `/${segments.join("/")}`;
}

/**
 * Every server action in the build, each with one page path that serves it, read from
 * `.next/server/server-reference-manifest.json` (ids change with each build unless
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is fixed).
 */
export function buildActions(root = process.cwd()): ActionEndpoint[] {
  const manifest = JSON.parse(
    readFileSync(join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).sort()[0];
    if (!worker || !entry.exportedName)
      throw new Error(`Action ${id} has no page or name in the manifest`);
    return { name: entry.exportedName as ActionName, id, path: pagePath(worker) };
  });
}

/** The one action called `name`; throws if the build has none. */
export function actionByName(actions: readonly ActionEndpoint[], name: ActionName): ActionEndpoint {
  const action = actions.find((candidate) => candidate.name === name);
  if (!action) throw new Error(`The build has no ${name}`);
  return action;
}

/** `Cookie` header value for the app, from a Playwright storage-state file (empty for none). */
export function cookieHeader(storageStatePath: string | null): string {
  if (!storageStatePath) return "";
  const state = JSON.parse(readFileSync(storageStatePath, "utf8")) as {
    cookies: { name: string; value: string; domain: string }[];
  };
  const host = new URL(APP_ORIGIN).hostname;
  return state.cookies
    .filter((cookie) => cookie.domain.replace(/^\./, "") === host)
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/**
 * React's encodeReply escapes a string that starts with `$` by doubling it; without this, decodeReply would
 * read it as a reference ("$K1", "$@0"…). Applied to every string and key, as the real client does.
 */
export function escapeForReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeForReply);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: escapeForReply(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export type ActionReply = { status: number; contentType: string; result: unknown; text: string };

/** The action's return value from an RSC reply: the first row holding an object with a boolean `ok`. */
export function parseActionResult(text: string): unknown {
  for (const line of text.split("\n")) {
    const match = /^[0-9a-f]+:(.*)$/.exec(line);
    if (!match?.[1]) continue;
    try {
      const value: unknown = JSON.parse(match[1]);
      if (
        value !== null &&
        typeof value === "object" &&
        typeof (value as { ok?: unknown }).ok === "boolean"
      )
        return value;
    } catch {
      // not a JSON row (e.g. a text chunk): keep looking
    }
  }
  return undefined;
}

export type CallOptions = {
  cookie?: string;
  origin?: string | null;
  rawBody?: string;
  /**
   * Another server of the same deployment to send the call to, as a load balancer would: the request names
   * the public host in X-Forwarded-Host, which Next compares with Origin.
   */
  server?: string;
};

/** Calls `action` over HTTP with `args` (a JSON array body) and reads its typed result. */
export async function callAction(
  action: ActionEndpoint,
  args: readonly unknown[],
  options: CallOptions = {},
): Promise<ActionReply> {
  const origin = options.origin === undefined ? APP_ORIGIN : options.origin;
  const headers: Record<string, string> = {
    "Next-Action": action.id,
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
  };
  if (origin) headers.Origin = origin;
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.server) headers["X-Forwarded-Host"] = new URL(APP_ORIGIN).host;
  const response = await fetch(`${options.server ?? APP_ORIGIN}${action.path}`, {
    method: "POST",
    headers,
    body: options.rawBody ?? JSON.stringify(escapeForReply(args)),
    redirect: "manual",
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    result: parseActionResult(text),
    text,
  };
}

// Shared assertions for hostile-input specs: what a "clear typed error" looks like over HTTP.
import { APP_ORIGIN } from "../fixtures";
import { INVALID_PARAMETER_ERRORS } from "./fuzz-arbitraries";
import { clearCalls, cloudTrailCalls } from "./lake";

export type RouteAnswer = { status: number; contentType: string; body: unknown; text: string };

/** GET/POST against the app over keep-alive (undici's global fetch), never following redirects. */
export async function hit(path: string, init: RequestInit = {}): Promise<RouteAnswer> {
  const response = await fetch(`${APP_ORIGIN}${path}`, { redirect: "manual", ...init });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body,
    text,
  };
}

/**
 * Why `answer` is not a clear typed answer, or null when it is: never a 5xx; JSON with a string `error`
 * for 4xx. Next's 308 path normalisation and Node's own 414/431 (URL or headers too large) are answered before the app and carry no JSON.
 */
export function problemWith(answer: RouteAnswer): string | null {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status === 414 || answer.status === 431) return null;
  // Next's own path normalisation (e.g. `/api/imports/?…` → 308 to drop the trailing slash).
  if (answer.status === 308) return null;
  if (!answer.contentType.includes("application/json") || answer.body === undefined)
    return `status ${answer.status} without JSON (${answer.contentType}): ${answer.text.slice(0, 200)}`;
  if (answer.status >= 400) {
    const error = (answer.body as { error?: unknown }).error;
    if (typeof error !== "string" || error === "")
      return `status ${answer.status} without an error code`;
  }
  return null;
}

/** CloudTrail calls since the last check that the Lake refused as invalid; empties the log. */
export async function takeInvalidCalls(): Promise<string[]> {
  const calls = await cloudTrailCalls();
  await clearCalls();
  return calls
    .filter((call) => call.error !== null && INVALID_PARAMETER_ERRORS.has(call.error))
    .map((call) => `${call.operation}: ${call.error}`);
}

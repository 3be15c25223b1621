// JSON answers for route handlers. Every answer is per session, so none may be cached by a
// browser or a proxy.
import type { z } from "zod";

/** Headers that keep an answer out of every cache. */
export const NO_STORE_HEADERS = { "Cache-Control": "no-store" } as const;

/** A JSON answer that no browser or proxy caches. */
export function jsonNoStore(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...NO_STORE_HEADERS, ...headers } });
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
 * A route parameter or query value parsed with `schema`, or a ready 400 naming the first problem.
 * @example const id = parseParam(importIdSchema, (await params).id, "Import ID is not valid.");
 * if (id instanceof Response) return id;
 */
export function parseParam<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fallback: string,
): z.output<S> | Response {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : badRequest(parsed.error.issues[0]?.message ?? fallback);
}

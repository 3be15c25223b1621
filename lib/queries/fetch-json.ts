// The one way the browser calls our route handlers, so every query reads errors the same way.
import { apiUrl } from "@/lib/api-url";

/** A non-2xx answer from one of our route handlers; `message` is safe to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * Calls a same-origin JSON route: a GET, or a POST of `json` when given. Throws ApiError with the
 * route's own message on failure.
 */
export async function fetchJson<T>(
  url: `/api/${string}`,
  signal?: AbortSignal,
  json?: unknown,
): Promise<T> {
  // Route handlers live under the deployment's basePath, which a hand-written fetch must add itself.
  const res = await fetch(apiUrl(url), {
    cache: "no-store",
    ...(json === undefined
      ? { headers: { accept: "application/json" } }
      : {
          method: "POST",
          headers: { accept: "application/json", "content-type": "application/json" },
          body: JSON.stringify(json),
        }),
    ...(signal ? { signal } : {}),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const fields = (typeof body === "object" && body !== null ? body : {}) as {
      error?: unknown;
      message?: unknown;
    };
    throw new ApiError(
      res.status,
      typeof fields.error === "string" ? fields.error : "error",
      typeof fields.message === "string"
        ? fields.message
        : `The server answered ${res.status}. Try again.`,
    );
  }
  return body as T;
}

// Client-safe. `<Link>`, `redirect()` and the router add Next's basePath themselves; everything written by
// hand (fetch, window.location, window.open, next-auth's endpoints) goes through these helpers instead.

/** NEXT_BASE_PATH as validated and inlined at build time (next.config.ts): "" or e.g. "/imports". */
export function basePath(): string {
  return process.env.NEXT_PUBLIC_BASE_PATH ?? "";
}

/**
 * An app-relative path under the deployment's basePath: `withBasePath("/imports/new")` → "/portal/imports/new".
 * Only for same-origin paths starting with "/".
 */
export function withBasePath(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`Not an app path: ${path}`);
  return `${basePath()}${path}`;
}

/**
 * The URL for a route handler, for every hand-written `fetch`: `apiUrl("/api/imports", { region })` →
 * "/portal/api/imports?region=…". Query values that are `undefined` are left out.
 */
export function apiUrl(
  path: `/api/${string}`,
  query?: Record<string, string | number | boolean | undefined>,
): string {
  const url = withBasePath(path);
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${url}${url.includes("?") ? "&" : "?"}${search}` : url;
}

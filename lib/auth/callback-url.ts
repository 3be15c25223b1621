/** Where people land after sign-in when they asked for nothing in particular (or for something unsafe). */
export const DEFAULT_AFTER_SIGN_IN = "/imports";

const PROBE_ORIGIN = "http://callback.invalid";

const AUTH_ROUTES = /^\/(sign-in|api\/auth)(\/|$)/;

export type CallbackPathOptions = {
  /** Allow the sign-in pages as a target: sign-out lands there on purpose; after sign-in they would loop. */
  allowAuthPages?: boolean;
};

/**
 * Returns `value` only if it is a same-origin, relative path (`/imports/new?x=1`), else `fallback`.
 * The check runs on the path the URL parser produces, because that is what the browser will follow:
 * dot-segments (`/.//evil`, `/%2e//evil`, `/a/..//evil`) resolve to `//evil`, which a browser reads as
 * another host. Also refuses backslashes and control characters (browsers turn `/\evil` and `/\t/evil`
 * into `//evil`) and, unless allowed, the sign-in routes themselves (a loop).
 * Every callback URL goes through here: the sign-in page, the proxy's redirects and next-auth's own.
 */
export function safeCallbackPath(
  value: unknown,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
  options: CallbackPathOptions = {},
): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || /[\\]/.test(path)) return fallback;
  if (!options.allowAuthPages && AUTH_ROUTES.test(path)) return fallback;
  return `${path}${url.search}${url.hash}`;
}

/**
 * next-auth's `redirect` callback through the same check: `url` may be absolute on the app's origin or
 * relative, and carries the basePath; the answer is absolute, on `origin`, under `basePath`.
 */
export function safeAuthRedirect(url: string, origin: string, basePath: string): string {
  let path: string = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : "";
    } catch {
      path = "";
    }
  }
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`)))
    path = path.slice(basePath.length) || "/";
  else if (basePath) path = "";
  return `${origin}${basePath}${safeCallbackPath(path, DEFAULT_AFTER_SIGN_IN, { allowAuthPages: true })}`;
}

/** The sign-in page URL that returns to `callbackPath` afterwards. */
export function signInPath(callbackPath?: string): string {
  const target = safeCallbackPath(callbackPath);
  return target === DEFAULT_AFTER_SIGN_IN
    ? "/sign-in"
    : `/sign-in?${new URLSearchParams({ callbackUrl: target })}`;
}

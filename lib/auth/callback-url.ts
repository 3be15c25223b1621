/** Where people land after sign-in when they asked for nothing in particular (or for something unsafe). */
export const DEFAULT_AFTER_SIGN_IN = "/imports";

const PROBE_ORIGIN = "http://callback.invalid";

/**
 * Returns `value` only if it is a same-origin, relative path (`/imports/new?x=1`), else `fallback`.
 * Rejects absolute and protocol-relative URLs (`//evil.example`, `/\evil.example`), control characters,
 * and the sign-in routes themselves (a loop), so a crafted `callbackUrl` can't bounce users off-site.
 */
export function safeCallbackPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//"))
    return fallback;
  // Browsers treat "\" like "/" and strip tabs/newlines, which turns "/\evil" into "//evil".
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (/^\/(sign-in|api\/auth)(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page URL that returns to `callbackPath` afterwards. */
export function signInPath(callbackPath?: string): string {
  const target = safeCallbackPath(callbackPath);
  return target === DEFAULT_AFTER_SIGN_IN
    ? "/sign-in"
    : `/sign-in?${new URLSearchParams({ callbackUrl: target })}`;
}

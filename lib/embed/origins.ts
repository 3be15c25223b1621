// Pure and client-safe: the server validates EMBED_ALLOWED_ORIGINS with it, the browser checks postMessage targets.

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The canonical origin (`scheme://host[:port]`, lower-case, default port dropped) of `value`, or `null` when
 * `value` is not exactly an origin: paths, queries, credentials and wildcards are refused, and plain http is
 * accepted only for loopback hosts (local development and the e2e portal).
 */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim().replace(/\/$/, "");
  if (trimmed === "" || trimmed.includes("*")) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) return null;
  // Only a scheme and an authority: `new URL` would quietly normalise away "/.", "?" or "#".
  if (!/^https?:\/\/[^/?#@\\]+$/i.test(trimmed)) return null;
  return url.origin;
}

/** True when `origin` (e.g. a MessageEvent's `origin`) is exactly one of `allowed` (scheme, host and port). */
export function isAllowedOrigin(
  origin: string | null | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin || origin === "null") return false;
  const normalized = normalizeOrigin(origin);
  return normalized !== null && allowed.includes(normalized);
}

// Pure: every response the proxy touches gets this set, so pages, API routes and sign-in pages match.

/** Two years, the HSTS preload list's minimum is one. */
const HSTS_MAX_AGE = 63_072_000;

/** Features the dashboard never uses, switched off for it and for anything it might embed. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/**
 * Response headers besides CSP. No X-Frame-Options: it cannot name a portal (ALLOW-FROM is obsolete), and
 * `frame-ancestors` decides framing. HSTS only when the app is served over https (a browser ignores it over
 * http anyway, and local http must keep working).
 */
export function securityHeaders(options: { csp: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": options.csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  if (options.https)
    headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE}; includeSubDomains`;
  return headers;
}

/** Copies `headers` onto `target` (a response's Headers), replacing values Next or next-auth set. */
export function applyHeaders(target: Headers, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}

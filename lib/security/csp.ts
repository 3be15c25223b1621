// Pure: the proxy builds one policy per request; unit tests pin every directive.

export type CspOptions = {
  /** Fresh per request; Next copies it onto its own <script> tags when it finds it in the request's CSP header. */
  nonce: string;
  /** `next dev` evaluates code for Fast Refresh and talks to its HMR websocket. */
  dev: boolean;
  /** Origins allowed to frame the app (EMBED_ALLOWED_ORIGINS); empty means nobody, not even the app itself. */
  frameAncestors: readonly string[];
  /** Origins a form may post or redirect to besides 'self': the IdP's. */
  formActionOrigins: readonly string[];
  /** Over https, ask the browser to upgrade stray http subresources. */
  https: boolean;
};

/**
 * The Content-Security-Policy value: nonce-based scripts with 'strict-dynamic' (no 'unsafe-inline' scripts),
 * `frame-ancestors` from the allow-list ('none' when empty) and `form-action` limited to the app and the IdP.
 */
export function buildContentSecurityPolicy(options: CspOptions): string {
  const scriptSrc = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.dev) scriptSrc.push("'unsafe-eval'");
  const connectSrc = ["'self'"];
  if (options.dev) connectSrc.push("ws:", "wss:");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scriptSrc],
    // Radix and sonner position elements through style attributes, which only 'unsafe-inline' permits.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", ...connectSrc],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...options.formActionOrigins],
    [
      "frame-ancestors",
      ...(options.frameAncestors.length > 0 ? ["'self'", ...options.frameAncestors] : ["'none'"]),
    ],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** 128 random bits, base64: the per-request script nonce. Web Crypto, so it runs wherever the proxy does. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

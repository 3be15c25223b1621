import type { CookiesOptions } from "next-auth";

/** Cookie names oidc-provider uses (plus their `.sig` twins); an app cookie must never take one of them. */
export const IDP_COOKIE_NAMES = ["_session", "_interaction", "_interaction_resume"] as const;

const BASE = "trail-imports";

/** True when EMBED_ALLOWED_ORIGINS names at least one portal (lib/env.ts validates the value itself). */
export function embeddingEnabled(
  source: Record<string, string | undefined> = process.env,
): boolean {
  return (source.EMBED_ALLOWED_ORIGINS ?? "").split(",").some((item) => item.trim() !== "");
}

/**
 * Attributes for every app cookie. Embedded in a portal on another site, a cookie is third-party inside the
 * frame: it needs `SameSite=None; Secure`, and `Partitioned` (CHIPS) so browsers that block third-party
 * cookies still keep it, keyed to the portal's site: without it, Chromium dropped the frame's session. Chromium accepts Secure cookies from http
 * loopback, which the e2e portal relies on. Under a basePath the cookie is scoped to it: on a portal host that
 * serves other apps beside this one, `Path=/` would hand the session to every one of them.
 */
export function cookieAttributes(secure: boolean, embedded: boolean, basePath = "") {
  const path = basePath || "/";
  return embedded
    ? ({ httpOnly: true, sameSite: "none", path, secure: true, partitioned: true } as const)
    : ({ httpOnly: true, sameSite: "lax", path, secure } as const);
}

/**
 * next-auth's cookies under our own names. Cookies are not port-scoped, so on 127.0.0.1 the app shares a jar
 * with the local IdP (and in production possibly with other apps on the domain): a product-specific name avoids
 * clashes with other next-auth apps on the same host. Over https the `__Secure-`/`__Host-` prefixes make the
 * browser enforce the Secure flag (and, for `__Host-`, no Domain attribute). `basePath` ("" or "/imports")
 * scopes every cookie to the app's own path.
 */
export function authCookies(
  secure: boolean,
  embedded: boolean = embeddingEnabled(),
  basePath = "",
): CookiesOptions {
  const prefix = secure ? "__Secure-" : "";
  const options = cookieAttributes(secure, embedded, basePath);
  // PKCE/state/nonce only live for the round trip to the IdP.
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    // next-auth finds session chunks by prefix (`<name>.0`, `<name>.1`), so no other name may start with this one.
    sessionToken: { name: `${prefix}${BASE}.session-token`, options },
    callbackUrl: { name: `${prefix}${BASE}.callback-url`, options },
    // `__Host-` demands Path=/, so under a basePath the CSRF cookie takes `__Secure-` like the others.
    csrfToken: { name: `${secure && !basePath ? "__Host-" : prefix}${BASE}.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}${BASE}.pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}${BASE}.state`, options: shortLived },
    nonce: { name: `${prefix}${BASE}.nonce`, options: shortLived },
  };
}

/** True when NEXTAUTH_URL is https, i.e. cookies must be Secure and may use the `__Secure-` prefix. */
export function usesSecureCookies(nextAuthUrl: string): boolean {
  return new URL(nextAuthUrl).protocol === "https:";
}

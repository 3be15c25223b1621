import type { CookiesOptions } from "next-auth";

/** Cookie names oidc-provider uses (plus their `.sig` twins); an app cookie must never take one of them. */
export const IDP_COOKIE_NAMES = ["_session", "_interaction", "_interaction_resume"] as const;

const BASE = "trail-imports";

/**
 * next-auth's cookies under our own names. Cookies are not port-scoped, so on 127.0.0.1 the app shares a jar
 * with the local IdP (and in production possibly with other apps on the domain): a product-specific name avoids
 * clashes with other next-auth apps on the same host. Over https the `__Secure-`/`__Host-` prefixes make the
 * browser enforce the Secure flag (and, for `__Host-`, no Domain attribute).
 */
export function authCookies(secure: boolean): CookiesOptions {
  const prefix = secure ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  // PKCE/state/nonce only live for the round trip to the IdP.
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    // next-auth finds session chunks by prefix (`<name>.0`, `<name>.1`), so no other name may start with this one.
    sessionToken: { name: `${prefix}${BASE}.session-token`, options },
    callbackUrl: { name: `${prefix}${BASE}.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}${BASE}.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}${BASE}.pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}${BASE}.state`, options: shortLived },
    nonce: { name: `${prefix}${BASE}.nonce`, options: shortLived },
  };
}

/** True when NEXTAUTH_URL is https, i.e. cookies must be Secure and may use the `__Secure-` prefix. */
export function usesSecureCookies(nextAuthUrl: string): boolean {
  return new URL(nextAuthUrl).protocol === "https:";
}

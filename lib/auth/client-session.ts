import { apiUrl, withBasePath } from "@/lib/api-url";

// Client-side stand-ins for next-auth/react's signIn/signOut. Those derive next-auth's path from NEXTAUTH_URL,
// which the browser never sees, so under a basePath they would call /api/auth on the portal's root; mounting a
// SessionProvider only to fix that would also poll the session. Same protocol, one place that knows the path.

async function csrfToken(): Promise<string> {
  const response = await fetch(apiUrl("/api/auth/csrf"), { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (!response.ok || typeof body.csrfToken !== "string")
    throw new Error("No CSRF token from next-auth");
  return body.csrfToken;
}

async function postToNextAuth(url: string, callbackPath: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken: await csrfToken(),
      callbackUrl: withBasePath(callbackPath),
      json: "true",
    }),
  });
  const body = (await response.json()) as { url?: unknown };
  if (!response.ok || typeof body.url !== "string")
    throw new Error(`next-auth answered ${response.status}`);
  return body.url;
}

/**
 * Starts the OIDC sign-in and leaves the page for the IdP. `callbackPath` is app-relative ("/imports/new");
 * `forceLogin` asks the IdP for a fresh login so a person can switch accounts.
 */
export async function startSignIn(callbackPath: string, forceLogin = false): Promise<void> {
  const url = apiUrl("/api/auth/signin/oidc", forceLogin ? { prompt: "login" } : undefined);
  window.location.assign(await postToNextAuth(url, callbackPath));
}

/** Ends the app session (CSRF-protected POST) and navigates to `callbackPath`. */
export async function endSession(callbackPath: string): Promise<void> {
  window.location.assign(await postToNextAuth(apiUrl("/api/auth/signout"), callbackPath));
}

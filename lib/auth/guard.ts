import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { jsonNoStore } from "@/lib/http";
import { signInPath } from "./callback-url";
import { type AppRole, hasRole } from "./roles";
import { type AppUser, toAppUser } from "./user";

export type { AppUser } from "./user";

/** The signed-in user with at least one role, or `null`. Cached per request through `auth()`. */
export async function currentUser(): Promise<AppUser | null> {
  return toAppUser(await auth());
}

/**
 * For pages and layouts: the signed-in user, or a redirect to sign-in that returns to `callbackPath`
 * (pass the page's own path so deep links survive an expired session).
 */
export async function requireUser(callbackPath?: string): Promise<AppUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

/**
 * For pages that need a role: signs in first if needed, then sends users without the role to an
 * explanation page instead of rendering controls they cannot use.
 */
export async function requireRole(role: AppRole, callbackPath?: string): Promise<AppUser> {
  const user = await requireUser(callbackPath);
  if (!hasRole(user.roles, role))
    redirect(`/sign-in/error?${new URLSearchParams({ error: "Forbidden", role })}`);
  return user;
}

/**
 * For route handlers: the user, or a ready 401/403 JSON response to return as is.
 * @example const user = await authorizeRoute("viewer"); if (user instanceof Response) return user;
 */
export async function authorizeRoute(role: AppRole = "viewer"): Promise<AppUser | Response> {
  const user = await currentUser();
  if (!user) {
    return jsonNoStore({ error: "unauthenticated", message: "Sign in to continue." }, 401, {
      "WWW-Authenticate": 'Bearer realm="trail-imports"',
    });
  }
  if (!hasRole(user.roles, role)) {
    return jsonNoStore({ error: "forbidden", message: `This needs the ${role} role.` }, 403);
  }
  return user;
}

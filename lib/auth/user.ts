import { type AppRole, parseRoles } from "./roles";
import { isSessionRevoked } from "./session-revocations";

/** The signed-in person as pages, route handlers and actions see them. Always has at least one role. */
export type AppUser = { id: string; name: string; email: string; roles: AppRole[] };

/** Absolute session lifetime. Roles are copied at sign-in and never refreshed, so this also bounds stale roles. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type SessionLike =
  | { user?: { id?: unknown; name?: unknown; email?: unknown; roles?: unknown } | null }
  | null
  | undefined;

/**
 * Turns a next-auth session into an `AppUser`, or `null` when there is no usable session.
 * A session without roles counts as signed out: sign-in refuses role-less users, and the JWT callback
 * strips roles once the hard cap has passed.
 */
export function toAppUser(session: SessionLike): AppUser | null {
  const user = session?.user;
  if (!user || typeof user.id !== "string" || user.id === "") return null;
  const roles = parseRoles(user.roles);
  if (roles.length === 0) return null;
  const email = typeof user.email === "string" ? user.email : "";
  const name = typeof user.name === "string" && user.name !== "" ? user.name : email || user.id;
  return { id: user.id, name, email, roles };
}

/**
 * True while a token minted at `signedInAt` (epoch seconds) is inside the hard cap.
 * Tokens without the stamp (minted by older code, or forged without it) are treated as expired.
 */
export function isWithinSessionCap(
  signedInAt: unknown,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  return (
    typeof signedInAt === "number" &&
    signedInAt <= nowSeconds + 60 &&
    nowSeconds - signedInAt < SESSION_MAX_AGE_SECONDS
  );
}

/** The check applied to a decoded JWT: at least one role, inside the hard cap, and not signed out. */
export async function isTokenAuthorized(
  token: { roles?: unknown; signedInAt?: unknown; sid?: unknown } | null | undefined,
): Promise<boolean> {
  return (
    !!token &&
    parseRoles(token.roles).length > 0 &&
    isWithinSessionCap(token.signedInAt) &&
    !(await isSessionRevoked(token.sid))
  );
}

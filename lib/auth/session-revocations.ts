import "server-only";
import { failOpen } from "@/lib/db/fail-open";
import { sessionRevocationStore } from "@/lib/db/session-revocations";

// Sessions ended before their cap. A session is a JWT, and copies of it live in more than one cookie jar:
// the popup sign-in of an embedded dashboard leaves one in the app's top-level partition and hands another
// to the portal's frame, and with several replicas any of them may be asked. Clearing the cookie where the
// person pressed "Sign out" would leave the other copies alive, so signing out records the session's id in
// the database and every copy carrying that id stops counting, on every replica.
//
// While the database is down, a replica still refuses the sessions it saw signed out itself (kept here in
// memory until their cap), but cannot learn of sign-outs on other replicas: the check fails open, with a
// logged warning, so pages keep working. Nothing that changes AWS is exposed by that: every action needs
// the database and refuses without it.

type Local = Map<string, number>;

function local(): Local {
  const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
  const key = Symbol.for("trail-imports.session-revocations");
  if (!(registry[key] instanceof Map)) registry[key] = new Map<string, number>();
  return registry[key] as Local;
}

const checked = failOpen("Session sign-out", false);

/**
 * Ends session `sid` everywhere until `untilMs` (epoch ms; after that the cap ends it anyway). Rejects when
 * the database cannot record it; this replica refuses the session regardless.
 */
export async function revokeSession(sid: string, untilMs: number): Promise<void> {
  const revoked = local();
  const now = Date.now();
  for (const [id, until] of revoked) if (until <= now) revoked.delete(id);
  revoked.set(sid, untilMs);
  await sessionRevocationStore().revoke(sid, new Date(untilMs));
}

/** True when `sid` was signed out on any replica. A token without a session id is treated as revoked. */
export async function isSessionRevoked(sid: unknown): Promise<boolean> {
  if (typeof sid !== "string" || sid === "") return true;
  const until = local().get(sid);
  if (until !== undefined && until > Date.now()) return true;
  return checked(() => sessionRevocationStore().isRevoked(sid));
}

// Sessions ended before their cap. A session is a JWT, and copies of it live in more than one cookie jar:
// the popup sign-in of an embedded dashboard leaves one in the app's top-level partition and hands another
// to the portal's frame. Clearing the cookie where the person pressed "Sign out" would leave the other copy
// alive (and the next person's popup would find it), so signing out records the session's id here and
// every copy carrying that id stops counting, wherever it lives.
//
// In memory per server process, like the other in-process limits: with several replicas a revocation holds
// on the replica that served the sign-out until a shared store backs this interface. Entries expire with
// the session cap, so memory tracks only sessions that could still be presented.

type Store = Map<string, number>;

function store(): Store {
  const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
  const key = Symbol.for("trail-imports.session-revocations");
  if (!(registry[key] instanceof Map)) registry[key] = new Map<string, number>();
  return registry[key] as Store;
}

/** Ends session `sid` everywhere until `untilMs` (epoch ms; after that the cap ends it anyway). */
export function revokeSession(sid: string, untilMs: number, now: number = Date.now()): void {
  const revoked = store();
  for (const [id, until] of revoked) if (until <= now) revoked.delete(id);
  revoked.set(sid, untilMs);
}

/** True when `sid` was signed out. A token without a session id is treated as revoked. */
export function isSessionRevoked(sid: unknown, now: number = Date.now()): boolean {
  if (typeof sid !== "string" || sid === "") return true;
  const until = store().get(sid);
  return until !== undefined && until > now;
}

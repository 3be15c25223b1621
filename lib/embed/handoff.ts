import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import { type TicketStore, ticketStore } from "@/lib/db/tickets";
import { isHandoffNonce } from "./handoff-protocol";

export { isHandoffNonce };

// The one-time hand-off of a session from the sign-in popup into the portal's frame. The popup's cookies
// land in the app's first-party partition, not the frame's, so the popup passes a single-use ticket instead.
// The popup is a top-level window, so its cookies land in the app's own partition, not the frame's. It turns
// its session into a ticket; the frame redeems the ticket and gets its own session cookie in its partition.
//
// A ticket is encrypted with a key derived for this purpose only (a session cookie is not a ticket, nor the
// reverse), lives 60 s, is bound to a nonce that only the frame that opened the popup knows, and is single-use:
// its id is recorded in the database on redemption, so no replica accepts it twice. When the database
// cannot be reached, redemption fails (the caller refuses): a ticket that might be a replay is never honoured.

const SALT = "trail-imports.embed-handoff";
export const HANDOFF_TTL_SECONDS = 60;

/** The session claims that travel; everything else is minted afresh for the frame's cookie. */
type SessionClaims = Pick<JWT, "sub" | "name" | "email" | "roles" | "signedInAt" | "sid">;

/** Seals the popup's session `token` into a short-lived ticket bound to `nonce`. */
export async function issueHandoffTicket(
  token: JWT,
  nonce: string,
  secret: string,
): Promise<string> {
  if (!isHandoffNonce(nonce)) throw new Error("Malformed hand-off nonce");
  const claims: SessionClaims = {
    sub: token.sub,
    name: token.name,
    email: token.email,
    roles: token.roles,
    signedInAt: token.signedInAt,
    // The same session id in both copies, so signing out of either ends both.
    sid: token.sid,
  };
  return encode({
    token: { purpose: "embed-handoff", nonce, claims },
    secret,
    salt: SALT,
    maxAge: HANDOFF_TTL_SECONDS,
  });
}

/**
 * Redeems a ticket once: the session claims when it is genuine, unexpired, unused and bound to `nonce`;
 * otherwise `null` (the caller answers with one generic error). Rejects with DatabaseUnavailableError when
 * the redemption cannot be recorded.
 */
export async function redeemHandoffTicket(
  ticket: string,
  nonce: string,
  secret: string,
  store: TicketStore = ticketStore(),
  now: number = Date.now(),
): Promise<SessionClaims | null> {
  let payload: JWT | null;
  try {
    payload = await decode({ token: ticket, secret, salt: SALT });
  } catch {
    return null;
  }
  if (!payload || payload.purpose !== "embed-handoff" || payload.nonce !== nonce) return null;
  const id = payload.jti;
  const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  if (typeof id !== "string" || expiresAt <= now) return null;
  const claims = payload.claims as SessionClaims | undefined;
  if (!claims || typeof claims.sub !== "string") return null;
  return (await store.redeemOnce(id, new Date(expiresAt), new Date(now))) ? claims : null;
}

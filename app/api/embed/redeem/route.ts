import { encode } from "next-auth/jwt";
import { after, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth";
import { isTokenAuthorized, isWithinSessionCap, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/user";
import { audit } from "@/lib/audit";
import { isHandoffNonce, redeemHandoffTicket } from "@/lib/embed/handoff";
import { unavailableReason } from "@/lib/db/errors";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

const RESULT_BY_STATUS: Record<number, string> = {
  400: "invalid",
  403: "forbidden",
  401: "unauthenticated",
  503: "database_unavailable",
};

function refuse(status: number, reason: string) {
  // Every refused redemption is a possible replay or forgery attempt: it goes to the audit log.
  after(() =>
    audit({
      actor: null,
      action: "embed-redeem",
      result: RESULT_BY_STATUS[status] ?? "failed",
      detail: { via: "embed-handoff", reason },
    }),
  );
  return Response.json(
    { error: "handoff-refused", message: "Sign-in could not be completed. Try again." },
    { status, headers: NO_STORE },
  );
}

/**
 * The frame's half of the popup sign-in: redeems a one-time ticket (lib/embed/handoff.ts) and sets the session
 * cookie in this response, so it lands in the frame's cookie partition. Public in the proxy, because the frame
 * has no session yet; only same-origin requests are served (the frame and the app share an origin).
 */
export async function POST(request: Request): Promise<Response> {
  const env = serverEnv();
  if (request.headers.get("origin") !== new URL(env.NEXTAUTH_URL).origin)
    return refuse(403, "origin");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refuse(400, "body");
  }
  const { ticket, nonce } = (body ?? {}) as { ticket?: unknown; nonce?: unknown };
  if (typeof ticket !== "string" || ticket.length > 4096 || !isHandoffNonce(nonce))
    return refuse(400, "shape");

  // The ticket was sealed by this app with the same secret, so its claims have the session's shape.
  let claims: Awaited<ReturnType<typeof redeemHandoffTicket>>;
  try {
    claims = await redeemHandoffTicket(ticket, nonce, env.NEXTAUTH_SECRET);
  } catch (error) {
    // Single use cannot be checked without the database, so the ticket is not honoured.
    const reason = unavailableReason(error);
    if (!reason) throw error;
    return refuse(503, `database unavailable: ${reason}`);
  }
  if (!claims || !isWithinSessionCap(claims.signedInAt) || !(await isTokenAuthorized(claims)))
    return refuse(401, "ticket forged, expired, replayed, for another nonce, or signed out");

  const cookie = authOptions.cookies?.sessionToken;
  if (!cookie) return refuse(500, "no session cookie configured");
  const session = await encode({
    token: claims,
    secret: env.NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const actor = { id: claims.sub ?? "", ...(claims.email ? { email: claims.email } : {}) };
  after(() =>
    audit({ actor, action: "embed-redeem", result: "ok", detail: { via: "embed-handoff" } }),
  );
  const response = NextResponse.json({ ok: true }, { headers: NO_STORE });
  response.cookies.set(cookie.name, session, {
    ...cookie.options,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  return response;
}

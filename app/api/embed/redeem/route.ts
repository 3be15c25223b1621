import { encode } from "next-auth/jwt";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth";
import { isTokenAuthorized, isWithinSessionCap, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/user";
import { audit } from "@/lib/audit";
import { isHandoffNonce, redeemHandoffTicket } from "@/lib/embed/handoff";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

function refuse(status: number, reason: string) {
  // Every refused redemption is a possible replay or forgery attempt: it goes to the audit log.
  audit({
    actor: null,
    action: "sign-in",
    result: status === 400 ? "invalid" : status === 403 ? "forbidden" : "unauthenticated",
    detail: { via: "embed-handoff", reason },
  });
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
  const claims = await redeemHandoffTicket(ticket, nonce, env.NEXTAUTH_SECRET);
  if (!claims || !isWithinSessionCap(claims.signedInAt) || !isTokenAuthorized(claims))
    return refuse(401, "ticket forged, expired, replayed, for another nonce, or signed out");

  const cookie = authOptions.cookies?.sessionToken;
  if (!cookie) return refuse(500, "no session cookie configured");
  const session = await encode({
    token: claims,
    secret: env.NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  audit({
    actor: { id: claims.sub ?? "", ...(claims.email ? { email: claims.email } : {}) },
    action: "sign-in",
    result: "ok",
    detail: { via: "embed-handoff" },
  });
  const response = NextResponse.json({ ok: true }, { headers: NO_STORE });
  response.cookies.set(cookie.name, session, {
    ...cookie.options,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  return response;
}

import { getToken } from "next-auth/jwt";
import { after, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth";
import { audit } from "@/lib/audit";
import { isTokenAuthorized } from "@/lib/auth/user";
import { isHandoffNonce, issueHandoffTicket } from "@/lib/embed/handoff";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The popup's half of the embedded sign-in: turns the popup's session into a one-time ticket for the frame
 * that opened it. Same-origin only; a JSON body also means a cross-site form cannot reach it without CORS.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const env = serverEnv();
  if (request.headers.get("origin") !== new URL(env.NEXTAUTH_URL).origin) {
    after(() =>
      audit({
        actor: null,
        action: "embed-ticket",
        result: "forbidden",
        detail: { reason: "origin" },
      }),
    );
    return Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
  }
  const token = await getToken({
    req: request,
    cookieName: SESSION_COOKIE,
    secret: env.NEXTAUTH_SECRET,
  });
  if (!token || !(await isTokenAuthorized(token))) {
    after(() => audit({ actor: null, action: "embed-ticket", result: "unauthenticated" }));
    return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  }
  const actor = { id: token.sub ?? "", ...(token.email ? { email: token.email } : {}) };
  const body = (await request.json().catch(() => null)) as { nonce?: unknown } | null;
  if (!isHandoffNonce(body?.nonce)) {
    after(() => audit({ actor, action: "embed-ticket", result: "invalid" }));
    return Response.json({ error: "invalid" }, { status: 400, headers: NO_STORE });
  }
  const ticket = await issueHandoffTicket(token, body.nonce, env.NEXTAUTH_SECRET);
  after(() => audit({ actor, action: "embed-ticket", result: "ok" }));
  return Response.json({ ticket }, { headers: NO_STORE });
}

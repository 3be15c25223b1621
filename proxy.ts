import { getToken } from "next-auth/jwt";
import { type NextAuthMiddlewareOptions, withAuth } from "next-auth/middleware";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { REQUEST_ID_HEADER } from "@/lib/audit/context";
import { AUTH_PAGES, authOptions, SESSION_COOKIE } from "@/lib/auth";
import { cookieAttributes } from "@/lib/auth/cookies";
import { isTokenAuthorized } from "@/lib/auth/user";
import {
  decideEmbedMode,
  EMBED_COOKIE,
  EMBED_HEADER,
  type EmbedDecision,
} from "@/lib/embed/embed-mode";
import { serverEnv } from "@/lib/env";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/csp";
import { applyHeaders, securityHeaders } from "@/lib/security/headers";

// Two jobs. (1) Security headers on every response it matches, built per request so the portal allow-list
// follows the environment and each page gets a fresh script nonce. (2) A coarse auth filter for UX only:
// every page, route handler and action re-checks through auth(), since actions are public POST
// endpoints that a matcher can skip.

// v4 declares `cookies` with a malformed type; at runtime it reads cookies.sessionToken.name.
const cookies = {
  sessionToken: { name: SESSION_COOKIE },
} as unknown as NextAuthMiddlewareOptions["cookies"];

const authOptionsForProxy: NextAuthMiddlewareOptions = {
  cookies,
  secret: authOptions.secret,
  pages: AUTH_PAGES,
  callbacks: { authorized: ({ token }) => isTokenAuthorized(token) },
};

/**
 * Reachable without a session: next-auth itself, probes, the sign-in pages, the embedded sign-in
 * hand-off and cron routes (which check their own bearer secret).
 */
function isPublic(pathname: string): boolean {
  return (
    /^\/api\/(auth|embed\/redeem|cron)(\/|$)/.test(pathname) ||
    pathname === "/api/health" ||
    pathname === "/api/ready" ||
    /^\/(sign-in|embed)(\/|$)/.test(pathname)
  );
}

type RequestContext = {
  headers: Record<string, string>;
  requestHeaders: Headers;
  embed: EmbedDecision;
};

function prepare(request: NextRequest): RequestContext {
  const env = serverEnv();
  const nonce = createNonce();
  const https = new URL(env.NEXTAUTH_URL).protocol === "https:";
  const csp = buildContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    frameAncestors: env.EMBED_ALLOWED_ORIGINS,
    formActionOrigins: [new URL(env.OIDC_ISSUER).origin],
    https,
  });
  const embed = decideEmbedMode({
    secFetchDest: request.headers.get("sec-fetch-dest"),
    embedParam: request.nextUrl.searchParams.get("embed"),
    hasCookie: request.cookies.has(EMBED_COOKIE),
  });
  // Next reads the nonce from the request's CSP header and stamps it on its own <script> tags.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(EMBED_HEADER, embed.embedded ? "1" : "0");
  // Ours, never the client's: audit lines and the response carry it, so a report can name the request.
  const requestId = crypto.randomUUID();
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  return {
    headers: { ...securityHeaders({ csp, https }), [REQUEST_ID_HEADER]: requestId },
    requestHeaders,
    embed,
  };
}

function finish(
  response: NextResponse,
  context: RequestContext,
  request: NextRequest,
): NextResponse {
  applyHeaders(response.headers, context.headers);
  const env = serverEnv();
  const secure = new URL(env.NEXTAUTH_URL).protocol === "https:";
  const attributes = cookieAttributes(
    secure,
    env.EMBED_ALLOWED_ORIGINS.length > 0,
    request.nextUrl.basePath,
  );
  if (context.embed.cookie === "set") response.cookies.set(EMBED_COOKIE, "1", attributes);
  if (context.embed.cookie === "clear")
    response.cookies.set(EMBED_COOKIE, "", { ...attributes, maxAge: 0 });
  return response;
}

/** withAuth puts Next's basePath into `callbackUrl`; the app passes app-relative paths everywhere else. */
function withoutBasePathInCallback(response: NextResponse, basePath: string): NextResponse {
  const location = response.headers.get("location");
  if (!basePath || !location) return response;
  const url = new URL(location);
  const callback = url.searchParams.get("callbackUrl");
  if (callback?.startsWith(`${basePath}/`)) {
    url.searchParams.set("callbackUrl", callback.slice(basePath.length));
    response.headers.set("location", url.toString());
  }
  return response;
}

/**
 * Pages: `withAuth` redirects signed-out visitors to /sign-in?callbackUrl=<the page>, so deep links survive.
 * API routes get a 401 JSON instead, because a redirect to an HTML page would break fetch/React Query.
 * Both carry the same security headers as public routes.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const context = prepare(request);
  const next = () => NextResponse.next({ request: { headers: context.requestHeaders } });
  const { pathname } = request.nextUrl;

  if (isPublic(pathname)) return finish(next(), context, request);

  if (pathname.startsWith("/api/")) {
    const token = await getToken({
      req: request,
      cookieName: SESSION_COOKIE,
      secret: authOptions.secret,
    });
    if (await isTokenAuthorized(token)) return finish(next(), context, request);
    return finish(
      NextResponse.json(
        { error: "unauthenticated", message: "Sign in to continue." },
        { status: 401, headers: { "Cache-Control": "no-store" } },
      ),
      context,
      request,
    );
  }

  const pageProxy = withAuth(() => next(), authOptionsForProxy);
  const response = await pageProxy(Object.assign(request, { nextauth: { token: null } }), event);
  const result = response instanceof NextResponse ? response : next();
  return finish(withoutBasePathInCallback(result, request.nextUrl.basePath), context, request);
}

export const config = {
  // Everything but build assets: the security headers must reach sign-in pages and next-auth's routes too,
  // so the public ones are let through in code above rather than left out here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

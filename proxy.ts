import { getToken } from "next-auth/jwt";
import { type NextAuthMiddlewareOptions, withAuth } from "next-auth/middleware";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { AUTH_PAGES, authOptions, SESSION_COOKIE } from "@/lib/auth";
import { isTokenAuthorized } from "@/lib/auth/user";

// A coarse filter for UX only: every page, route handler and action re-checks through auth() (notes c.4, f).

// v4 declares `cookies` with a malformed type; at runtime it reads cookies.sessionToken.name.
const cookies = {
  sessionToken: { name: SESSION_COOKIE },
} as unknown as NextAuthMiddlewareOptions["cookies"];

const pageProxy = withAuth({
  cookies,
  secret: authOptions.secret,
  pages: AUTH_PAGES,
  callbacks: { authorized: ({ token }) => isTokenAuthorized(token) },
});

/**
 * Pages: `withAuth` redirects signed-out visitors to /sign-in?callbackUrl=<the page>, so deep links survive.
 * API routes get a 401 JSON instead, because a redirect to an HTML page would break fetch/React Query.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const token = await getToken({
      req: request,
      cookieName: SESSION_COOKIE,
      secret: authOptions.secret,
    });
    if (isTokenAuthorized(token)) return NextResponse.next();
    return NextResponse.json(
      { error: "unauthenticated", message: "Sign in to continue." },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  return pageProxy(Object.assign(request, { nextauth: { token: null } }), event);
}

export const config = {
  matcher: ["/((?!api/auth|api/health|api/ready|sign-in|_next/static|_next/image|favicon.ico).*)"],
};

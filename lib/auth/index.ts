import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cache } from "react";
import { audit } from "@/lib/audit";
import { safeAuthRedirect } from "@/lib/auth/callback-url";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { authCookies, usesSecureCookies } from "@/lib/auth/cookies";
import { highestRole, rolesFromClaims } from "@/lib/auth/roles";
import { isSessionRevoked, revokeSession } from "@/lib/auth/session-revocations";
import { isWithinSessionCap, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/user";
import { parseServerEnv, serverEnv } from "@/lib/env";

// `next build` evaluates every route module to collect its config, without the runtime environment (the
// image is configured per deployment). Only then do placeholders stand in for the required variables;
// variables that are set are still validated, so a malformed one fails the build. Never used for requests.
const BUILD_PLACEHOLDERS = {
  OIDC_ISSUER: "https://oidc.build.invalid",
  OIDC_CLIENT_ID: "build",
  OIDC_CLIENT_SECRET: "build",
  OPERATOR_GROUPS: "build",
  NEXTAUTH_URL: "https://app.build.invalid",
  NEXTAUTH_SECRET: "build-time-placeholder-not-a-secret-0000",
};

// Read eagerly everywhere else: a missing or malformed OIDC_* / NEXTAUTH_* variable stops the server at
// start-up with one line per variable, instead of surfacing later as a vague "Configuration" error.
const env =
  process.env.NEXT_PHASE === "phase-production-build"
    ? parseServerEnv({ ...BUILD_PLACEHOLDERS, ...process.env })
    : serverEnv();

// With a basePath, NEXTAUTH_URL holds `<origin><basePath>/api/auth`; next-auth redirects to `pages` verbatim.
const basePath = new URL(env.NEXTAUTH_URL).pathname
  .replace(/\/api\/auth\/?$/, "")
  .replace(/\/$/, "");

const cookies = authCookies(usesSecureCookies(env.NEXTAUTH_URL), undefined, basePath);

/** The session cookie's name; `proxy.ts` must read the same one or every session looks missing. */
export const SESSION_COOKIE = cookies.sessionToken.name;

/** Sign-in and error pages, relative to the app (`withAuth` adds basePath itself). */
export const AUTH_PAGES = { signIn: "/sign-in", error: "/sign-in/error" } as const;

type IdTokenClaims = Record<string, unknown> & { sub?: unknown; name?: unknown; email?: unknown };

const oidcProvider: OAuthConfig<IdTokenClaims> = {
  id: "oidc",
  name: "Company SSO",
  type: "oauth",
  wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
  clientId: env.OIDC_CLIENT_ID,
  clientSecret: env.OIDC_CLIENT_SECRET,
  authorization: { params: { scope: env.OIDC_SCOPES } },
  // Claims come from the validated ID token (signature, issuer, audience, nonce), not from userinfo.
  idToken: true,
  // v4 defaults to ["state"] only.
  checks: ["pkce", "state", "nonce"],
  profile(claims) {
    if (typeof claims.sub !== "string" || claims.sub === "")
      throw new Error("ID token has no subject");
    const email = typeof claims.email === "string" ? claims.email : "";
    return {
      id: claims.sub,
      name:
        typeof claims.name === "string" && claims.name !== "" ? claims.name : email || claims.sub,
      email,
      emailTrusted: isEmailVerified(claims, env.OIDC_EMAIL_VERIFIED_OPTIONAL),
      roles: rolesFromClaims(claims, {
        claim: env.OIDC_ROLES_CLAIM,
        operatorGroups: env.OPERATOR_GROUPS,
        viewerGroups: env.VIEWER_GROUPS,
      }),
    };
  },
};

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  providers: [oidcProvider],
  // Hard cap, not sliding: the app mounts no SessionProvider, and the jwt callback checks `signedInAt`, so
  // even a re-issued cookie (GET /api/auth/session) cannot outlive 8 h. Roles are fixed at sign-in, so the
  // cap is also how long a removed group can linger.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  cookies,
  pages: { signIn: `${basePath}${AUTH_PAGES.signIn}`, error: `${basePath}${AUTH_PAGES.error}` },
  callbacks: {
    // next-auth's default only compares origins, after which a path like "/.//evil" still leaves the site.
    redirect: ({ url }) => safeAuthRedirect(url, new URL(env.NEXTAUTH_URL).origin, basePath),
    async signIn({ user }) {
      if (!user.emailTrusted) {
        await audit({
          actor: { id: user.id, ...(user.email ? { email: user.email } : {}) },
          action: "sign-in",
          result: "forbidden",
          detail: { reason: "the IdP did not mark the email address as verified" },
        });
        return false;
      }
      if (user.roles.length > 0) return true;
      await audit({
        actor: { id: user.id, ...(user.email ? { email: user.email } : {}) },
        action: "sign-in",
        result: "forbidden",
        detail: { reason: "no configured group in the roles claim", claim: env.OIDC_ROLES_CLAIM },
      });
      return false; // → pages.error?error=AccessDenied, which explains whom to ask.
    },
    async jwt({ token, user }) {
      if (user) {
        const signedInAt = Math.floor(Date.now() / 1000);
        return { ...token, roles: user.roles, signedInAt, sid: crypto.randomUUID() };
      }
      // Past the cap, or signed out in another copy of the session, the token keeps decoding but carries
      // no roles, which every check treats as signed out.
      return isWithinSessionCap(token.signedInAt) && !(await isSessionRevoked(token.sid))
        ? token
        : { ...token, roles: [] };
    },
    session({ session, token }) {
      const email = token.email ?? "";
      return {
        ...session,
        user: {
          id: token.sub ?? "",
          name: token.name ?? (email || token.sub) ?? "",
          email,
          roles: token.roles ?? [],
        },
      };
    },
  },
  // Awaited rather than deferred: sign-in and sign-out are rare, and the revocation must be recorded before
  // the sign-out response tells the person they are out.
  events: {
    async signIn({ user }) {
      const role = highestRole(user.roles);
      await audit({
        actor: {
          id: user.id,
          ...(user.email ? { email: user.email } : {}),
          ...(role ? { role } : {}),
        },
        action: "sign-in",
        result: "ok",
      });
    },
    async signOut({ token }) {
      // Ends every copy (the frame's and the popup's top-level one), on every replica.
      let result = "ok";
      if (typeof token.sid === "string") {
        const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
        try {
          await revokeSession(token.sid, (signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 + 60_000);
        } catch (error) {
          // The cookie is still cleared and this replica refuses the session; other replicas cannot know.
          result = "database_unavailable";
          console.error(
            JSON.stringify({
              level: "error",
              msg: "sign-out not recorded for other replicas",
              reason: error instanceof Error ? error.message : String(error),
            }),
          );
        }
      }
      await audit({
        actor: token.sub
          ? { id: token.sub, ...(typeof token.email === "string" ? { email: token.email } : {}) }
          : null,
        action: "sign-out",
        result,
      });
    },
  },
};

/** The current session, decoded once per request. Prefer the helpers in `lib/auth/guard.ts`. */
export const auth = cache(() => getServerSession(authOptions));

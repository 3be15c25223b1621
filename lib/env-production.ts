// What a production server refuses even when each value is well-formed on its own. Shared by lib/env.ts;
// no "server-only" so its tests can import it directly.

/**
 * Values committed to the repository for the local world and the build, public by definition. A production
 * server that is reachable from elsewhere must not use them: anyone could mint a session with the
 * NEXTAUTH_SECRET. (lib/env-production.test.ts checks this list against .env.development.)
 */
export const COMMITTED_DEVELOPMENT_SECRETS: readonly string[] = [
  "local-world-nextauth-secret-0123456789abcdef",
  "local-world-client-secret",
  "local-world-secret-not-a-real-key",
  "build-time-placeholder-not-a-secret-0000",
];

const SECRET_VARIABLES = [
  "NEXTAUTH_SECRET",
  "OIDC_CLIENT_SECRET",
  "AWS_SECRET_ACCESS_KEY",
] as const;

/** Loopback hosts: only the machine itself can reach them, so plain http there exposes nothing. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const { hostname } = new URL(value);
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}

// Regional, FIPS, dual-stack and VPC (vpce) endpoints of every partition end in one of these.
const AWS_ENDPOINT_HOST = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/;

export type EnvProblem = { path: string; message: string };

/**
 * Problems with a configuration that is about to serve production traffic (`NODE_ENV=production`):
 * http anywhere but loopback, endpoint overrides that are not AWS (or loopback), and the committed
 * development secrets on a server others can reach.
 */
export function productionProblems(
  env: {
    NEXTAUTH_URL: string;
    OIDC_ISSUER: string;
    CLOUDTRAIL_ENDPOINT?: string | undefined;
    STS_ENDPOINT?: string | undefined;
  },
  source: Record<string, string | undefined>,
): EnvProblem[] {
  const problems: EnvProblem[] = [];
  for (const path of ["NEXTAUTH_URL", "OIDC_ISSUER"] as const) {
    if (new URL(env[path]).protocol === "http:" && !isLoopbackUrl(env[path]))
      problems.push({ path, message: "must be https in production (http only for loopback)" });
  }
  for (const path of ["CLOUDTRAIL_ENDPOINT", "STS_ENDPOINT"] as const) {
    const value = env[path];
    if (!value || isLoopbackUrl(value)) continue;
    const url = new URL(value);
    if (url.protocol !== "https:" || !AWS_ENDPOINT_HOST.test(url.hostname))
      problems.push({
        path,
        message:
          "in production may only point at an https AWS endpoint (*.amazonaws.com, *.amazonaws.com.cn, *.api.aws) or loopback",
      });
  }
  if (!isLoopbackUrl(env.NEXTAUTH_URL)) {
    for (const path of SECRET_VARIABLES) {
      const value = source[path];
      if (value && COMMITTED_DEVELOPMENT_SECRETS.includes(value))
        problems.push({
          path,
          message: "is a development value committed to the repository; set a secret of your own",
        });
    }
  }
  return problems;
}

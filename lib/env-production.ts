// What a production server refuses even when each value is well-formed on its own. Shared by lib/env.ts;
// no "server-only" so its tests can import it directly.
import { createHash } from "node:crypto";

/**
 * SHA-256 of the values committed to the repository for the local world and the build (.env.development's
 * NEXTAUTH_SECRET, OIDC_CLIENT_SECRET and AWS_SECRET_ACCESS_KEY, and lib/auth.ts's build placeholder).
 * They are public, so a production server reachable from elsewhere must not use them: anyone could mint a
 * session with that NEXTAUTH_SECRET. Hashes, so the server's own files never carry a secret-shaped value.
 * (lib/env-production.test.ts checks the list against .env.development.)
 */
export const COMMITTED_DEVELOPMENT_SECRET_HASHES: readonly string[] = [
  "58b7354229bb8c4786a496e9b871e5d4924b640b303e28f3d6d2146996f6e8b4",
  "79d6580c02b5d44641d5a2feac03dbb90f9247ff98963c644c2b7a4c52c9e9c1",
  "700ba653e2ee7816b1c3f08cb824d32cc21bf80e609ff23afad9be1b74694e76",
  "b33c7cb8071d3dd31656cea2a77699973c167bd97ab8d384354c30aaad0dbd17",
];

/** True when `value` is one of the committed development secrets. */
export function isCommittedDevelopmentSecret(value: string): boolean {
  const hash = createHash("sha256").update(value, "utf8").digest("hex");
  return COMMITTED_DEVELOPMENT_SECRET_HASHES.includes(hash);
}

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
    S3_ENDPOINT?: string | undefined;
    IAM_ENDPOINT?: string | undefined;
    ORGANIZATIONS_ENDPOINT?: string | undefined;
  },
  source: Record<string, string | undefined>,
): EnvProblem[] {
  const problems: EnvProblem[] = [];
  for (const path of ["NEXTAUTH_URL", "OIDC_ISSUER"] as const) {
    if (new URL(env[path]).protocol === "http:" && !isLoopbackUrl(env[path]))
      problems.push({ path, message: "must be https in production (http only for loopback)" });
  }
  const endpoints = [
    "CLOUDTRAIL_ENDPOINT",
    "STS_ENDPOINT",
    "S3_ENDPOINT",
    "IAM_ENDPOINT",
    "ORGANIZATIONS_ENDPOINT",
  ] as const;
  for (const path of endpoints) {
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
      if (value && isCommittedDevelopmentSecret(value))
        problems.push({
          path,
          message: "is a development value committed to the repository; set a secret of your own",
        });
    }
  }
  return problems;
}

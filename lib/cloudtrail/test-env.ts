import "server-only";

/**
 * Test helper: fills process.env with a valid per-user configuration for lib/env (the local world's
 * values) before the first serverEnv() call in this worker, which parses and caches it. `overrides`
 * win, e.g. the endpoints of a local Lake started by the test.
 */
export function setTestEnv(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    CLOUDTRAIL_REGIONS: "us-east-1,eu-west-1",
    AWS_IDENTITY_MODE: "per-user",
    AWS_PER_USER_ROLE_ARN: "arn:aws:iam::111122223333:role/trail-imports-user",
    AWS_ACCESS_KEY_ID: "AKIALOCALTRAILIMPORTS",
    AWS_SECRET_ACCESS_KEY: "local-world-secret-not-a-real-key",
    OIDC_ISSUER: "http://127.0.0.1:4600",
    OIDC_CLIENT_ID: "trail-imports",
    OIDC_CLIENT_SECRET: "test",
    OPERATOR_GROUPS: "imports-operators",
    NEXTAUTH_URL: "http://127.0.0.1:3000",
    NEXTAUTH_SECRET: "test-secret-0123456789abcdef0123456789",
    ...overrides,
  });
}

/** setTestEnv with CloudTrail and STS at a local Lake: pass it to lakeForFile as its `onStart`. */
export function pointAppAtLake(url: string): void {
  setTestEnv({ CLOUDTRAIL_ENDPOINT: url, STS_ENDPOINT: url });
}

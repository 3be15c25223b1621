import "server-only";

/**
 * Test helper: fills process.env with a valid configuration for lib/env before the first
 * serverEnv() call in this worker. `overrides` win; values already set are replaced.
 */
export function useTestEnv(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    CLOUDTRAIL_REGIONS: "us-east-1,eu-west-1",
    AWS_IDENTITY_MODE: "per-user",
    AWS_PER_USER_ROLE_ARN: "arn:aws:iam::111122223333:role/trail-imports-user",
    AWS_ACCESS_KEY_ID: "AKIATESTTESTTESTTEST",
    AWS_SECRET_ACCESS_KEY: "test-secret-not-a-real-key",
    OIDC_ISSUER: "http://127.0.0.1:4600",
    OIDC_CLIENT_ID: "trail-imports",
    OIDC_CLIENT_SECRET: "test",
    OPERATOR_GROUPS: "imports-operators",
    NEXTAUTH_URL: "http://127.0.0.1:3000",
    NEXTAUTH_SECRET: "test-secret-0123456789abcdef0123456789",
    ...overrides,
  });
}

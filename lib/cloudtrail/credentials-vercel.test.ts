import { beforeAll, describe, expect, it } from "vitest";
import { credentialsFor } from "./credentials";
import { setTestEnv } from "./test-env";

// A file of its own: lib/env parses process.env once per test file.
beforeAll(() =>
  setTestEnv({
    AWS_IDENTITY_MODE: "app",
    VERCEL_AWS_ROLE_ARN: "arn:aws:iam::111122223333:role/trail-imports-app",
  }),
);

describe("credentialsFor on Vercel (VERCEL_AWS_ROLE_ARN set)", () => {
  it("uses the deployment's OIDC token instead of the default chain, shared by everyone in app mode", async () => {
    const alice = credentialsFor({ id: "alice", email: "alice@example.test" });
    const bob = credentialsFor({ id: "bob", email: "bob@example.test" });
    expect(alice).toBeTypeOf("function");
    expect(bob).toBe(alice);
    delete process.env.VERCEL_OIDC_TOKEN;
    // Outside a Vercel function there is no token to exchange, and the provider says so.
    await expect(alice?.()).rejects.toThrow(/oidc/i);
  });
});

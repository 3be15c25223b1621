import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

const valid = {
  OIDC_ISSUER: "https://login.example.com",
  OIDC_CLIENT_ID: "trail-imports",
  OIDC_CLIENT_SECRET: "secret",
  OPERATOR_GROUPS: "ops, secops",
  NEXTAUTH_URL: "https://imports.example.com",
  NEXTAUTH_SECRET: "x".repeat(32),
};

describe("parseServerEnv", () => {
  it("applies defaults and splits lists", () => {
    const env = parseServerEnv(valid);
    expect(env.AWS_REGION).toBe("us-east-1");
    expect(env.CLOUDTRAIL_REGIONS).toEqual(["us-east-1"]);
    expect(env.OPERATOR_GROUPS).toEqual(["ops", "secops"]);
    expect(env.OIDC_ROLES_CLAIM).toBe("groups");
    expect(env.AWS_IDENTITY_MODE).toBe("app");
  });

  it("names every missing or invalid variable with its rule", () => {
    let message = "";
    try {
      parseServerEnv({ ...valid, OIDC_ISSUER: undefined, CLOUDTRAIL_REGIONS: "us-east-1,mars", NEXTAUTH_SECRET: "short" });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain("OIDC_ISSUER: is required");
    expect(message).toContain("CLOUDTRAIL_REGIONS.1: must be an AWS Region code such as us-east-1");
    expect(message).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
  });

  it("requires the per-user role ARN in per-user mode", () => {
    expect(() => parseServerEnv({ ...valid, AWS_IDENTITY_MODE: "per-user" })).toThrowError(
      /AWS_PER_USER_ROLE_ARN: is required when AWS_IDENTITY_MODE is per-user/,
    );
  });
});

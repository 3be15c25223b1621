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
      parseServerEnv({
        ...valid,
        OIDC_ISSUER: undefined,
        CLOUDTRAIL_REGIONS: "us-east-1,mars",
        NEXTAUTH_SECRET: "short",
      });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain("OIDC_ISSUER: is required");
    expect(message).toContain("CLOUDTRAIL_REGIONS.1: must be an AWS Region code such as us-east-1");
    expect(message).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
  });

  it("validates the import allow-lists at start-up", () => {
    const env = parseServerEnv({
      ...valid,
      IMPORT_ALLOWED_ROLE_ARNS: "arn:aws:iam::111122223333:role/CloudTrailLakeImport*",
      IMPORT_ALLOWED_BUCKETS: "trail-logs-*, audit-archive",
    });
    expect(env.IMPORT_ALLOWED_BUCKETS).toEqual(["trail-logs-*", "audit-archive"]);
    expect(() =>
      parseServerEnv({ ...valid, IMPORT_ALLOWED_ROLE_ARNS: "arn:aws:iam::*:role/x" }),
    ).toThrow(/IMPORT_ALLOWED_ROLE_ARNS\.0: .*account must be written out/);
    expect(() => parseServerEnv({ ...valid, IMPORT_ALLOWED_BUCKETS: "*" })).toThrow(
      /IMPORT_ALLOWED_BUCKETS\.0: .*too broad/,
    );
  });

  it("applies the production rules only when NODE_ENV is production", () => {
    const risky = { ...valid, OIDC_ISSUER: "http://login.example.com" };
    expect(parseServerEnv(risky).OIDC_ISSUER).toBe("http://login.example.com");
    expect(() => parseServerEnv({ ...risky, NODE_ENV: "production" })).toThrow(
      /OIDC_ISSUER: must be https in production/,
    );
  });

  it("requires the per-user role ARN in per-user mode", () => {
    expect(() => parseServerEnv({ ...valid, AWS_IDENTITY_MODE: "per-user" })).toThrowError(
      /AWS_PER_USER_ROLE_ARN: is required when AWS_IDENTITY_MODE is per-user/,
    );
  });
});

describe("parseServerEnv: deployment and embedding variables", () => {
  it("reads EMBED_ALLOWED_ORIGINS as normalised exact origins, empty by default", () => {
    expect(parseServerEnv(valid).EMBED_ALLOWED_ORIGINS).toEqual([]);
    expect(
      parseServerEnv({
        ...valid,
        EMBED_ALLOWED_ORIGINS: "https://Portal.corp.example/, http://localhost:5175",
      }).EMBED_ALLOWED_ORIGINS,
    ).toEqual(["https://portal.corp.example", "http://localhost:5175"]);
  });

  it("names each origin that is not exact", () => {
    expect(() =>
      parseServerEnv({
        ...valid,
        EMBED_ALLOWED_ORIGINS: "https://ok.example,https://*.corp.example",
      }),
    ).toThrowError(
      /EMBED_ALLOWED_ORIGINS\.1: "https:\/\/\*\.corp\.example" is not an exact origin/,
    );
    expect(() =>
      parseServerEnv({ ...valid, EMBED_ALLOWED_ORIGINS: "http://portal.corp.example" }),
    ).toThrowError(/EMBED_ALLOWED_ORIGINS\.0: .*http only for localhost/);
  });

  it("checks the server-actions key is base64 of an AES key length", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(
      parseServerEnv({ ...valid, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })
        .NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    ).toBe(key);
    expect(() =>
      parseServerEnv({
        ...valid,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64"),
      }),
    ).toThrowError(
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be base64 of 16, 24 or 32 random bytes/,
    );
  });

  it("requires NEXTAUTH_URL to carry the build's basePath", () => {
    const under = { ...valid, NEXT_PUBLIC_BASE_PATH: "/imports" };
    expect(() => parseServerEnv({ ...under, NEXTAUTH_URL: "https://portal.example" })).toThrowError(
      /NEXTAUTH_URL: must be the public origin plus the build's NEXT_BASE_PATH \("\/imports"\)/,
    );
    expect(
      parseServerEnv({ ...under, NEXTAUTH_URL: "https://portal.example/imports" }).NEXTAUTH_URL,
    ).toBe("https://portal.example/imports");
    expect(
      parseServerEnv({ ...under, NEXTAUTH_URL: "https://portal.example/imports/api/auth" })
        .NEXTAUTH_URL,
    ).toBe("https://portal.example/imports/api/auth");
    expect(() =>
      parseServerEnv({
        ...valid,
        NEXT_PUBLIC_BASE_PATH: "",
        NEXTAUTH_URL: "https://x.example/imports",
      }),
    ).toThrowError(/NEXTAUTH_URL/);
  });
});

describe("database variables", () => {
  it("accepts a postgres URL and names a malformed one", () => {
    expect(
      parseServerEnv({ ...valid, DATABASE_URL: "postgres://app@db:5432/trail" }).DATABASE_URL,
    ).toBe("postgres://app@db:5432/trail");
    expect(() => parseServerEnv({ ...valid, DATABASE_URL: "mysql://db/trail" })).toThrow(
      "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    );
    expect(() => parseServerEnv({ ...valid, DATABASE_MIGRATE_ON_START: "yes" })).toThrow(
      "DATABASE_MIGRATE_ON_START: must be true or false",
    );
  });
});

describe("preflight variables", () => {
  it("sends S3, IAM and Organizations to a loopback CLOUDTRAIL_ENDPOINT unless told otherwise", () => {
    const env = parseServerEnv({
      ...valid,
      CLOUDTRAIL_ENDPOINT: "http://127.0.0.1:4599",
      IAM_ENDPOINT: "http://127.0.0.1:4700",
    });
    expect(env.S3_ENDPOINT).toBe("http://127.0.0.1:4599");
    expect(env.ORGANIZATIONS_ENDPOINT).toBe("http://127.0.0.1:4599");
    expect(env.IAM_ENDPOINT).toBe("http://127.0.0.1:4700");
  });

  it("never sends them to a CloudTrail VPC endpoint", () => {
    const env = parseServerEnv({
      ...valid,
      CLOUDTRAIL_ENDPOINT: "https://vpce-0a1b.cloudtrail.us-east-1.vpce.amazonaws.com",
    });
    expect([env.S3_ENDPOINT, env.IAM_ENDPOINT, env.ORGANIZATIONS_ENDPOINT]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads the Lake prices as numbers and refuses a negative one", () => {
    expect(parseServerEnv({ ...valid, LAKE_PRICE_EXTENDABLE_PER_GB: "0.5" })).toMatchObject({
      LAKE_PRICE_EXTENDABLE_PER_GB: 0.5,
    });
    expect(() => parseServerEnv({ ...valid, LAKE_PRICE_EXTENDABLE_PER_GB: "-1" })).toThrow(
      /LAKE_PRICE_EXTENDABLE_PER_GB/,
    );
  });
});

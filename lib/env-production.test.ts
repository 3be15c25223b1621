import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCommittedDevelopmentSecret, isLoopbackUrl, productionProblems } from "./env-production";

const base = {
  NEXTAUTH_URL: "https://imports.corp.example",
  OIDC_ISSUER: "https://login.corp.example",
};

describe("productionProblems", () => {
  it("accepts https everywhere, AWS endpoints and secrets of your own", () => {
    expect(
      productionProblems(
        {
          ...base,
          CLOUDTRAIL_ENDPOINT: "https://vpce-0a1b.cloudtrail.us-east-1.vpce.amazonaws.com",
          STS_ENDPOINT: "https://sts.cn-north-1.amazonaws.com.cn",
        },
        { NEXTAUTH_SECRET: "x".repeat(44) },
      ),
    ).toEqual([]);
  });

  it("allows plain http and the local world's values on loopback only", () => {
    const local = {
      NEXTAUTH_URL: "http://127.0.0.1:3000",
      OIDC_ISSUER: "http://localhost:4600",
      CLOUDTRAIL_ENDPOINT: "http://127.0.0.1:4599",
    };
    expect(
      productionProblems(local, {
        NEXTAUTH_SECRET: "local-world-nextauth-secret-0123456789abcdef",
      }),
    ).toEqual([]);
  });

  it("refuses http issuers, foreign endpoint overrides and committed secrets", () => {
    const problems = productionProblems(
      {
        ...base,
        OIDC_ISSUER: "http://login.corp.example",
        CLOUDTRAIL_ENDPOINT: "https://amazonaws.com.attacker.example",
        STS_ENDPOINT: "http://sts.amazonaws.com",
      },
      {
        NEXTAUTH_SECRET: "local-world-nextauth-secret-0123456789abcdef",
        AWS_SECRET_ACCESS_KEY: "local-world-secret-not-a-real-key",
      },
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      "OIDC_ISSUER",
      "CLOUDTRAIL_ENDPOINT",
      "STS_ENDPOINT",
      "NEXTAUTH_SECRET",
      "AWS_SECRET_ACCESS_KEY",
    ]);
  });

  it("knows every secret the repository commits", () => {
    const committed = Object.fromEntries(
      readFileSync(".env.development", "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    for (const name of ["NEXTAUTH_SECRET", "OIDC_CLIENT_SECRET", "AWS_SECRET_ACCESS_KEY"])
      expect(isCommittedDevelopmentSecret(committed[name] ?? ""), name).toBe(true);
    expect(isCommittedDevelopmentSecret("build-time-placeholder-not-a-secret-0000")).toBe(true);
    expect(isCommittedDevelopmentSecret("x".repeat(44))).toBe(false);
  });
});

describe("isLoopbackUrl", () => {
  it.each([
    ["http://127.0.0.1:3000", true],
    ["http://localhost", true],
    ["http://[::1]:4600", true],
    ["http://127.0.0.1.attacker.example", false],
    ["https://login.corp.example", false],
    ["not a url", false],
  ])("%s → %s", (url, loopback) => expect(isLoopbackUrl(url)).toBe(loopback));
});

import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./csp";

const base = {
  nonce: "abc123==",
  dev: false,
  frameAncestors: [],
  formActionOrigins: ["https://login.example.com"],
  https: true,
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split("; ").map((part) => {
      const [name = "", ...values] = part.split(" ");
      return [name, values];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only by nonce and strict-dynamic, never unsafe-inline or unsafe-eval in production", () => {
    const script = directives(buildContentSecurityPolicy(base)).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("adds unsafe-eval and websockets only in development", () => {
    const csp = directives(buildContentSecurityPolicy({ ...base, dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("refuses all framing when no portal is allowed", () => {
    expect(directives(buildContentSecurityPolicy(base)).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("lists exactly the allowed portals as frame ancestors", () => {
    const csp = buildContentSecurityPolicy({
      ...base,
      frameAncestors: ["https://portal.corp.example", "http://localhost:5175"],
    });
    expect(directives(csp).get("frame-ancestors")).toEqual([
      "'self'",
      "https://portal.corp.example",
      "http://localhost:5175",
    ]);
  });

  it("lets forms go to the app and the IdP only, and locks down base-uri and objects", () => {
    const csp = directives(buildContentSecurityPolicy(base));
    expect(csp.get("form-action")).toEqual(["'self'", "https://login.example.com"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("upgrades insecure requests only over https", () => {
    expect(directives(buildContentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(
      true,
    );
    expect(
      directives(buildContentSecurityPolicy({ ...base, https: false })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(false);
  });
});

describe("createNonce", () => {
  it("makes a fresh base64 value of 128 bits each time, in the form Next extracts", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

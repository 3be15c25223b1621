import { describe, expect, it } from "vitest";
import { applyHeaders, securityHeaders } from "./headers";

describe("securityHeaders", () => {
  it("sends CSP, nosniff, the referrer policy and a permissions policy, and never X-Frame-Options", () => {
    const headers = securityHeaders({ csp: "default-src 'self'", https: false });
    expect(headers["Content-Security-Policy"]).toBe("default-src 'self'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(Object.keys(headers).map((name) => name.toLowerCase())).not.toContain("x-frame-options");
  });

  it("adds HSTS only over https", () => {
    expect(securityHeaders({ csp: "x", https: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(securityHeaders({ csp: "x", https: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("replaces values already on a response", () => {
    const target = new Headers({ "Referrer-Policy": "unsafe-url" });
    applyHeaders(target, securityHeaders({ csp: "x", https: false }));
    expect(target.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { apiUrl, withBasePath } from "./api-url";

afterEach(() => vi.unstubAllEnvs());

describe("apiUrl / withBasePath", () => {
  it("leaves paths alone without a basePath", () => {
    vi.stubEnv("NEXT_PUBLIC_BASE_PATH", "");
    expect(apiUrl("/api/imports")).toBe("/api/imports");
    expect(withBasePath("/imports/new")).toBe("/imports/new");
  });

  it("prefixes the basePath and encodes the query, leaving out undefined values", () => {
    vi.stubEnv("NEXT_PUBLIC_BASE_PATH", "/tools/imports");
    expect(apiUrl("/api/imports", { region: "eu-west-1", next: undefined, limit: 50 })).toBe(
      "/tools/imports/api/imports?region=eu-west-1&limit=50",
    );
    expect(apiUrl("/api/auth/signin/oidc", { prompt: "login" })).toBe(
      "/tools/imports/api/auth/signin/oidc?prompt=login",
    );
    expect(withBasePath("/sign-in?signedOut=1")).toBe("/tools/imports/sign-in?signedOut=1");
  });

  it("refuses anything that is not an app path", () => {
    expect(() => withBasePath("https://evil.example/")).toThrowError(/Not an app path/);
    expect(() => withBasePath("//evil.example/")).toThrowError(/Not an app path/);
  });
});

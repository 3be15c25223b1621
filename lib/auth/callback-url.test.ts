import { describe, expect, it } from "vitest";
import {
  DEFAULT_AFTER_SIGN_IN,
  safeAuthRedirect,
  safeCallbackPath,
  signInPath,
} from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps same-origin relative paths with query and hash", () => {
    expect(safeCallbackPath("/imports/new")).toBe("/imports/new");
    expect(safeCallbackPath("/imports?status=FAILED#top")).toBe("/imports?status=FAILED#top");
  });

  it.each([
    ["absolute URL", "https://evil.example/imports"],
    ["protocol-relative URL", "//evil.example"],
    ["backslash trick", "/\\evil.example"],
    ["tab trick", "/\t/evil.example"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative without slash", "imports"],
    ["empty", ""],
    ["the sign-in page itself", "/sign-in?callbackUrl=/imports"],
    ["next-auth routes", "/api/auth/signout"],
    ["dot segment before a double slash", "/.//evil.example/phish"],
    ["dot-dot segment before a double slash", "/..//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["encoded dot-dot segment", "/%2e%2e//evil.example"],
    ["path that climbs back to a double slash", "/a/..//evil.example"],
    ["deeper climb", "/a/b/../..//evil.example/x?y=1"],
  ])("falls back for a %s", (_label, value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("falls back for non-strings and honours a custom fallback", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(["/a"], "/x")).toBe("/x");
  });

  it("normalises dot segments instead of letting them escape", () => {
    expect(safeCallbackPath("/imports/../sign-in")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("/a/../imports")).toBe("/imports");
  });
});

describe("safeAuthRedirect", () => {
  const origin = "https://app.example";

  it("keeps same-origin targets, including the sign-in page after sign-out", () => {
    expect(safeAuthRedirect("/sign-in?signedOut=1", origin, "")).toBe(
      "https://app.example/sign-in?signedOut=1",
    );
    expect(safeAuthRedirect("https://app.example/imports/new", origin, "")).toBe(
      "https://app.example/imports/new",
    );
    expect(safeAuthRedirect("/portal/imports/new", origin, "/portal")).toBe(
      "https://app.example/portal/imports/new",
    );
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["a dot-segment escape", "/.//evil.example/phish"],
    ["an absolute URL whose path escapes", "https://app.example/..//evil.example"],
  ])("falls back for %s", (_label, url) => {
    expect(safeAuthRedirect(url, origin, "")).toBe(`https://app.example${DEFAULT_AFTER_SIGN_IN}`);
  });

  it("falls back for a path outside the basePath", () => {
    expect(safeAuthRedirect("/elsewhere", origin, "/portal")).toBe(
      `https://app.example/portal${DEFAULT_AFTER_SIGN_IN}`,
    );
  });
});

describe("signInPath", () => {
  it("carries a safe deep link and drops unsafe ones", () => {
    expect(signInPath("/imports/new")).toBe("/sign-in?callbackUrl=%2Fimports%2Fnew");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});

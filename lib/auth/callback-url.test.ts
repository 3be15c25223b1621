import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, signInPath } from "./callback-url";

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

describe("signInPath", () => {
  it("carries a safe deep link and drops unsafe ones", () => {
    expect(signInPath("/imports/new")).toBe("/sign-in?callbackUrl=%2Fimports%2Fnew");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});

import { describe, expect, it } from "vitest";
import { isAllowedOrigin, normalizeOrigin } from "./origins";

describe("normalizeOrigin", () => {
  it.each([
    ["https://portal.corp.example", "https://portal.corp.example"],
    ["https://Portal.Corp.Example/", "https://portal.corp.example"],
    ["https://portal.corp.example:443", "https://portal.corp.example"],
    ["https://portal.corp.example:8443", "https://portal.corp.example:8443"],
    ["http://localhost:5175", "http://localhost:5175"],
    ["http://127.0.0.1:5175", "http://127.0.0.1:5175"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it.each([
    "http://portal.corp.example",
    "https://portal.corp.example/path",
    "https://portal.corp.example/.",
    "https://portal.corp.example?x=1",
    "https://portal.corp.example#top",
    "https://user:pass@portal.corp.example",
    "https://*.corp.example",
    "*",
    "portal.corp.example",
    "javascript:alert(1)",
    "",
    "null",
  ])("refuses %s", (input) => {
    expect(normalizeOrigin(input)).toBeNull();
  });
});

describe("isAllowedOrigin", () => {
  const allowed = ["https://portal.corp.example", "http://localhost:5175"];

  it("matches scheme, host and port exactly", () => {
    expect(isAllowedOrigin("https://portal.corp.example", allowed)).toBe(true);
    expect(isAllowedOrigin("http://localhost:5175", allowed)).toBe(true);
    expect(isAllowedOrigin("http://localhost:5176", allowed)).toBe(false);
    expect(isAllowedOrigin("https://localhost:5175", allowed)).toBe(false);
    expect(isAllowedOrigin("https://evil.portal.corp.example", allowed)).toBe(false);
    expect(isAllowedOrigin("https://portal.corp.example.evil.example", allowed)).toBe(false);
  });

  it("never allows the opaque origin or a missing one", () => {
    expect(isAllowedOrigin("null", allowed)).toBe(false);
    expect(isAllowedOrigin(null, allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(false);
  });
});

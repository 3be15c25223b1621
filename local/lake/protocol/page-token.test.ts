import { describe, expect, it } from "vitest";
import { decodePageToken, encodePageToken } from "./page-token.ts";

describe("page tokens", () => {
  it("round-trips a cursor, and differs every time", () => {
    const a = encodePageToken("secret", "scope", { t: 1, id: "x" });
    const b = encodePageToken("secret", "scope", { t: 1, id: "x" });
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(decodePageToken("secret", "scope", a)).toEqual({ t: 1, id: "x" });
  });

  it("rejects tokens for another scope, another secret, or edited ones", () => {
    const token = encodePageToken("secret", "scope", 5);
    expect(() => decodePageToken("secret", "other", token)).toThrow(/NextToken/);
    expect(() => decodePageToken("other", "scope", token)).toThrow(/NextToken/);
    expect(() => decodePageToken("secret", "scope", `x${token}`)).toThrow(/NextToken/);
    expect(() => decodePageToken("secret", "scope", "no-dot")).toThrow(/NextToken/);
  });
});

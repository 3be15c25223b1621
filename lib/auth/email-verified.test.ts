import { describe, expect, it } from "vitest";
import { isEmailVerified } from "./email-verified";

const email = "alice@example.test";

describe("isEmailVerified", () => {
  it("trusts an address the IdP marks as verified", () => {
    expect(isEmailVerified({ email, email_verified: true }, false)).toBe(true);
    expect(isEmailVerified({ email, email_verified: "true" }, false)).toBe(true);
  });

  it("refuses an unverified address whatever the switch says", () => {
    expect(isEmailVerified({ email, email_verified: false }, true)).toBe(false);
    expect(isEmailVerified({ email, email_verified: "false" }, true)).toBe(false);
  });

  it("accepts a missing claim only when the deployment says its IdP never sends it", () => {
    expect(isEmailVerified({ email }, false)).toBe(false);
    expect(isEmailVerified({ email }, true)).toBe(true);
  });

  it("refuses a token without an address", () => {
    expect(isEmailVerified({ email_verified: true }, true)).toBe(false);
  });
});

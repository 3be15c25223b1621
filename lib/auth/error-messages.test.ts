import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./error-messages";

// Every code next-auth 4.24 can put in ?error= (core/pages/signin.d.ts, core/pages/error.d.ts, core/routes/callback.js).
const V4_CODES = [
  "Signin",
  "OAuthSignin",
  "OAuthCallback",
  "OAuthCreateAccount",
  "EmailCreateAccount",
  "Callback",
  "OAuthAccountNotLinked",
  "EmailSignin",
  "CredentialsSignin",
  "SessionRequired",
  "Default",
  "Configuration",
  "AccessDenied",
  "Verification",
];

describe("authErrorMessage", () => {
  // Unknown codes fall back to the "Default" message, so a code only counts as covered when it
  // gets a message of its own.
  it.each(V4_CODES.filter((code) => code !== "Default"))("has its own message for %s", (code) => {
    const message = authErrorMessage(code);
    expect(message?.title).toBeTruthy();
    expect(message?.body).toBeTruthy();
    expect(message).not.toEqual(authErrorMessage("Default"));
  });

  it("explains a refused account and offers a different account", () => {
    const message = authErrorMessage("AccessDenied");
    expect(message?.body).toMatch(/operator group/);
    expect(message?.body).toMatch(/viewer group/);
    expect(message?.retry).toBe("different-account");
  });

  it("matches codes case-insensitively (v4 also emits lower-case `configuration`)", () => {
    expect(authErrorMessage("configuration")).toEqual(authErrorMessage("Configuration"));
  });

  it("never echoes unknown values, which v4 can fill with raw exception text", () => {
    const message = authErrorMessage("<script>alert(1)</script> ECONNREFUSED 10.0.0.1");
    expect(message).toEqual(authErrorMessage("Default"));
    expect(JSON.stringify(message)).not.toContain("ECONNREFUSED");
  });

  it("returns null when there is no error", () => {
    expect(authErrorMessage(undefined)).toBeNull();
    expect(authErrorMessage("")).toBeNull();
  });
});

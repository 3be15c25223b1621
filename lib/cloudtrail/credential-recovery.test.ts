import { describe, expect, it } from "vitest";
import { BaseCredentialsError, refusedIdentity } from "./credential-recovery";

const named = (name: string) => Object.assign(new Error(name), { name });

describe("refusedIdentity", () => {
  it("blames the person's session when CloudTrail refuses it in per-user mode", () => {
    for (const name of [
      "UnrecognizedClientException",
      "ExpiredTokenException",
      "InvalidSignatureException",
    ])
      expect(refusedIdentity(named(name), true)).toBe("session");
  });

  it("blames the base identity when every call runs as the app", () => {
    expect(refusedIdentity(named("UnrecognizedClientException"), false)).toBe("base");
  });

  it("blames the base identity when STS refused it while fetching credentials", () => {
    for (const name of ["InvalidClientTokenId", "ExpiredToken", "SignatureDoesNotMatch"])
      expect(refusedIdentity(new BaseCredentialsError(named(name)), true)).toBe("base");
  });

  it("leaves permissions, throttling and unavailable credentials alone", () => {
    expect(refusedIdentity(named("AccessDeniedException"), true)).toBeNull();
    expect(refusedIdentity(named("ThrottlingException"), true)).toBeNull();
    expect(refusedIdentity(new BaseCredentialsError(named("AccessDenied")), true)).toBeNull();
    expect(
      refusedIdentity(new BaseCredentialsError(named("CredentialsProviderError")), false),
    ).toBeNull();
    expect(refusedIdentity("UnrecognizedClientException", true)).toBeNull();
  });
});

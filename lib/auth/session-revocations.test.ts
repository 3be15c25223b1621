import { describe, expect, it } from "vitest";
import { isSessionRevoked, revokeSession } from "./session-revocations";

describe("session revocations", () => {
  it("ends every copy of a session id until its cap, and no other session", () => {
    revokeSession("session-a", 10_000, 0);
    expect(isSessionRevoked("session-a", 5_000)).toBe(true);
    expect(isSessionRevoked("session-b", 5_000)).toBe(false);
    expect(isSessionRevoked("session-a", 10_001)).toBe(false);
  });

  it("treats a token without a session id as ended", () => {
    expect(isSessionRevoked(undefined)).toBe(true);
    expect(isSessionRevoked("")).toBe(true);
  });
});

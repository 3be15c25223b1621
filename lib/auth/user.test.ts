import { describe, expect, it } from "vitest";
import { isTokenAuthorized, isWithinSessionCap, SESSION_MAX_AGE_SECONDS, toAppUser } from "./user";

describe("toAppUser", () => {
  it("maps a session with roles", () => {
    const session = {
      user: {
        id: "alice",
        name: "Alice Operator",
        email: "alice@example.test",
        roles: ["operator", "viewer"],
      },
    };
    expect(toAppUser(session)).toEqual({
      id: "alice",
      name: "Alice Operator",
      email: "alice@example.test",
      roles: ["operator", "viewer"],
    });
  });

  it("treats no session, no id or no roles as signed out", () => {
    expect(toAppUser(null)).toBeNull();
    expect(toAppUser({ user: { id: "", roles: ["viewer"] } })).toBeNull();
    expect(toAppUser({ user: { id: "bob", roles: [] } })).toBeNull();
    expect(toAppUser({ user: { id: "bob", roles: ["admin"] } })).toBeNull();
  });

  it("falls back to email, then id, for the display name", () => {
    expect(
      toAppUser({ user: { id: "bob", email: "bob@example.test", roles: ["viewer"] } })?.name,
    ).toBe("bob@example.test");
    expect(toAppUser({ user: { id: "bob", roles: ["viewer"] } })).toMatchObject({
      name: "bob",
      email: "",
    });
  });
});

describe("session cap", () => {
  const now = 1_800_000_000;

  it("accepts tokens younger than 8 hours and refuses older or unstamped ones", () => {
    expect(isWithinSessionCap(now - 60, now)).toBe(true);
    expect(isWithinSessionCap(now - SESSION_MAX_AGE_SECONDS + 1, now)).toBe(true);
    expect(isWithinSessionCap(now - SESSION_MAX_AGE_SECONDS, now)).toBe(false);
    expect(isWithinSessionCap(undefined, now)).toBe(false);
    expect(isWithinSessionCap("1800000000", now)).toBe(false);
  });

  it("refuses stamps from the future beyond a minute of clock skew", () => {
    expect(isWithinSessionCap(now + 30, now)).toBe(true);
    expect(isWithinSessionCap(now + 3600, now)).toBe(false);
  });

  it("lets the proxy through only with a role, a fresh stamp and a session id", async () => {
    const fresh = Math.floor(Date.now() / 1000) - 10;
    const sid = "7d1f2a3b-0000-4000-8000-000000000001";
    expect(await isTokenAuthorized({ roles: [], signedInAt: fresh, sid })).toBe(false);
    expect(await isTokenAuthorized({ roles: ["viewer"], sid })).toBe(false);
    expect(await isTokenAuthorized({ roles: ["viewer"], signedInAt: fresh })).toBe(false);
    expect(await isTokenAuthorized({ roles: ["viewer"], signedInAt: fresh, sid: "" })).toBe(false);
    expect(await isTokenAuthorized(null)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { HANDOFF_TTL_SECONDS, issueHandoffTicket, redeemHandoffTicket } from "./handoff";
import { isHandoffNonce, newHandoffNonce } from "./handoff-protocol";

const SECRET = "a-test-secret-that-is-long-enough-000000";
const token = {
  sub: "u-1",
  name: "Alice",
  email: "alice@example.com",
  roles: ["operator" as const],
  signedInAt: 1_700_000_000,
};

describe("popup hand-off tickets", () => {
  it("redeems once, with the nonce it was bound to, carrying only the session claims", async () => {
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket({ ...token, picture: "x" }, nonce, SECRET);
    expect(await redeemHandoffTicket(ticket, newHandoffNonce(), SECRET)).toBeNull();
    expect(await redeemHandoffTicket(ticket, nonce, SECRET)).toEqual(token);
    expect(await redeemHandoffTicket(ticket, nonce, SECRET)).toBeNull();
  });

  it("refuses expired tickets, other secrets and session cookies presented as tickets", async () => {
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket(token, nonce, SECRET);
    expect(
      await redeemHandoffTicket(
        ticket,
        nonce,
        SECRET,
        Date.now() + (HANDOFF_TTL_SECONDS + 1) * 1000,
      ),
    ).toBeNull();
    expect(await redeemHandoffTicket(ticket, nonce, `${SECRET}-other`)).toBeNull();
    const session = await encode({
      token: { ...token, purpose: "embed-handoff", nonce, claims: token },
      secret: SECRET,
    });
    expect(await redeemHandoffTicket(session, nonce, SECRET)).toBeNull();
  });

  it("makes URL-safe nonces and rejects malformed ones", async () => {
    const nonce = newHandoffNonce();
    expect(isHandoffNonce(nonce)).toBe(true);
    expect(isHandoffNonce("short")).toBe(false);
    expect(isHandoffNonce("x".repeat(20) + "<")).toBe(false);
    await expect(issueHandoffTicket(token, "bad nonce", SECRET)).rejects.toThrowError(/Malformed/);
  });
});

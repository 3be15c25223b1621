import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { TicketStore } from "@/lib/db/tickets";
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

// The store's own guarantees (once across replicas) are tested against a database in
// lib/embed/handoff.integration.test.ts; here it only has to remember ids.
function memoryTickets(): TicketStore {
  const redeemed = new Set<string>();
  return {
    redeemOnce: async (id) => (redeemed.has(id) ? false : (redeemed.add(id), true)),
    deleteExpired: async () => 0,
  };
}

describe("popup hand-off tickets", () => {
  it("redeems once, with the nonce it was bound to, carrying only the session claims", async () => {
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket({ ...token, picture: "x" }, nonce, SECRET);
    const store = memoryTickets();
    expect(await redeemHandoffTicket(ticket, newHandoffNonce(), SECRET, store)).toBeNull();
    expect(await redeemHandoffTicket(ticket, nonce, SECRET, store)).toEqual(token);
    expect(await redeemHandoffTicket(ticket, nonce, SECRET, store)).toBeNull();
  });

  it("refuses expired tickets, other secrets and session cookies presented as tickets", async () => {
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket(token, nonce, SECRET);
    const store = memoryTickets();
    expect(
      await redeemHandoffTicket(
        ticket,
        nonce,
        SECRET,
        store,
        Date.now() + (HANDOFF_TTL_SECONDS + 1) * 1000,
      ),
    ).toBeNull();
    expect(await redeemHandoffTicket(ticket, nonce, `${SECRET}-other`, store)).toBeNull();
    const session = await encode({
      token: { ...token, purpose: "embed-handoff", nonce, claims: token },
      secret: SECRET,
    });
    expect(await redeemHandoffTicket(session, nonce, SECRET, store)).toBeNull();
  });

  it("makes URL-safe nonces and rejects malformed ones", async () => {
    const nonce = newHandoffNonce();
    expect(isHandoffNonce(nonce)).toBe(true);
    expect(isHandoffNonce("short")).toBe(false);
    expect(isHandoffNonce("x".repeat(20) + "<")).toBe(false);
    await expect(issueHandoffTicket(token, "bad nonce", SECRET)).rejects.toThrowError(/Malformed/);
  });
});

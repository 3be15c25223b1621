import { expect, it } from "vitest";
import { databaseFor } from "@/lib/db/client";
import { ticketStore } from "@/lib/db/tickets";
import { describeEachDatabase } from "@/lib/db/testing/targets";
import { issueHandoffTicket, redeemHandoffTicket } from "./handoff";
import { newHandoffNonce } from "./handoff-protocol";

const SECRET = "a-test-secret-that-is-long-enough-000000";
const token = { sub: "u-1", email: "alice@example.test", roles: ["operator" as const] };

describeEachDatabase("popup hand-off tickets across replicas", (db) => {
  it("are honoured by exactly one replica, however many are asked at once", async () => {
    const stores = [ticketStore(databaseFor(db().pool())), ticketStore(databaseFor(db().pool()))];
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket(token, nonce, SECRET);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        redeemHandoffTicket(ticket, nonce, SECRET, stores[i % 2]),
      ),
    );
    expect(answers.filter((claims) => claims !== null)).toEqual([
      expect.objectContaining({ sub: "u-1" }),
    ]);
  });

  it("refuses a ticket that could be a replay when its use cannot be recorded", async () => {
    const nonce = newHandoffNonce();
    const ticket = await issueHandoffTicket(token, nonce, SECRET);
    const down = {
      redeemOnce: () => Promise.reject(new Error("ECONNREFUSED")),
      deleteExpired: () => Promise.resolve(0),
    };
    await expect(redeemHandoffTicket(ticket, nonce, SECRET, down)).rejects.toThrow();
  });
});

import "server-only";
import { lte } from "drizzle-orm";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { redeemedTickets } from "./schema.ts";

export type TicketStore = {
  /** True only for the first redemption of `ticketId` across all replicas, and never once it expired. */
  redeemOnce(ticketId: string, expiresAt: Date, now?: Date): Promise<boolean>;
  deleteExpired(now?: Date): Promise<number>;
};

/** Single-use tickets: the id's row exists from its first redemption until the ticket would expire. */
export function ticketStore(database?: Database): TicketStore {
  const db = () => resolveDatabase(database);
  const t = redeemedTickets;
  return {
    redeemOnce: (ticketId, expiresAt, now = new Date()) =>
      run(async () => {
        // An expired ticket is refused before its row could have been cleaned up and the id reused.
        if (expiresAt.getTime() <= now.getTime()) return false;
        const inserted = await db()
          .insert(t)
          .values({ ticketId, redeemedAt: now, expiresAt })
          .onConflictDoNothing({ target: t.ticketId })
          .returning({ ticketId: t.ticketId });
        return inserted.length === 1;
      }),
    deleteExpired: (now = new Date()) =>
      run(async () => {
        const deleted = await db().delete(t).where(lte(t.expiresAt, now));
        return deleted.rowCount ?? 0;
      }),
  };
}

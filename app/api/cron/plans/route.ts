import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { jsonNoStore } from "@/lib/http";
import { advancePlans } from "@/lib/plans/advance";

// A cached answer would skip the tick.
export const dynamic = "force-dynamic";
// One tick: listings, a start and the webhook sends, each bounded by its own timeout.
export const maxDuration = 60;

/** Compares the Authorization header with the expected one in time independent of where they differ. */
function authorized(header: string | null, secret: string): boolean {
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  const same = given.length === expected.length;
  return timingSafeEqual(same ? given : expected, expected) && same;
}

/**
 * Vercel Cron (or any scheduler) ticks the plan runner here. Only a request carrying
 * `Authorization: Bearer <CRON_SECRET>` is served; the x-vercel-cron headers prove nothing.
 */
export async function GET(request: Request): Promise<Response> {
  const secret = serverEnv().CRON_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === "production")
      return jsonNoStore(
        { error: "not_configured", message: "Set CRON_SECRET to let a scheduler run plans." },
        503,
      );
    return jsonNoStore({ error: "unauthorized" }, 401);
  }
  if (!authorized(request.headers.get("authorization"), secret))
    return jsonNoStore({ error: "unauthorized" }, 401);
  return jsonNoStore(await advancePlans({ now: new Date() }));
}

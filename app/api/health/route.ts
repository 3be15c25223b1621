import { jsonNoStore } from "@/lib/http";

/** Liveness only: no dependency is checked, so an AWS or IdP outage never restarts the container. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return jsonNoStore({ status: "ok" });
}

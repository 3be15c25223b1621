import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { getPlan } from "@/lib/db/plans";
import { jsonNoStore, notFound, parseParam } from "@/lib/http";
import { toPlanView } from "@/lib/plans/plan-view";

/** GET /api/plans/<id>: the plan the detail page polls while it is active. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const user = await authorizeRoute("viewer");
  if (user instanceof Response) return user;
  const id = parseParam(z.uuid(), (await params).id, "Plan ID is not valid.");
  if (id instanceof Response) return id;
  try {
    const detail = await getPlan(id);
    if (!detail) return notFound("No plan with this ID exists.");
    return jsonNoStore(toPlanView(detail, new Date()));
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return jsonNoStore(
      {
        error: "unavailable",
        message:
          "Trail Imports can't reach its database, so it can't show this plan. Trying again…",
      },
      503,
    );
  }
}

import { authorizeRoute } from "@/lib/auth/guard";
import { configuredRegions } from "@/lib/cloudtrail";
import { decodeCursor, parseListFilters } from "@/lib/cloudtrail/imports-list-query";
import { listImportsView } from "@/lib/cloudtrail/imports-view";
import { badRequest, jsonNoStore } from "@/lib/http";

/**
 * GET /api/imports?status=&destination=&region=&cursor= — one screen of the all-Regions list,
 * for polling. Bad filters are dropped (as on the page); a bad cursor is a 400.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await authorizeRoute("viewer");
  if (user instanceof Response) return user;
  const search = new URL(request.url).searchParams;
  const regions = configuredRegions();
  const filters = parseListFilters(Object.fromEntries(search), regions);
  const rawCursor = search.get("cursor") ?? undefined;
  const cursor = decodeCursor(rawCursor, regions);
  if (rawCursor && !cursor)
    return badRequest("The page cursor is not valid. Go back to the first page.");
  // Failures per Region are reported inside the view, so this never throws for CloudTrail errors.
  return jsonNoStore(await listImportsView(user, filters, cursor));
}

import { authorizeRoute } from "@/lib/auth/guard";
import { findImportRegion } from "@/lib/cloudtrail";
import { getImportView } from "@/lib/cloudtrail/imports-view";
import { failureResponse } from "@/lib/cloudtrail/failure-response";
import { jsonNoStore, notFound, parseParam } from "@/lib/http";
import { awsRegionSchema, importIdSchema } from "@/lib/schemas/import";

/**
 * GET /api/imports/<id>?region= — the import the detail page polls. Every caller is authorized
 * before the shared server cache is read (see lib/cloudtrail/imports-view.ts), so many viewers
 * cost one GetImport per cache window.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const user = await authorizeRoute("viewer");
  if (user instanceof Response) return user;
  const id = parseParam(importIdSchema, (await params).id, "Import ID is not valid.");
  if (id instanceof Response) return id;
  const rawRegion = new URL(request.url).searchParams.get("region");
  let region: string | null;
  if (rawRegion !== null) {
    const parsed = parseParam(awsRegionSchema, rawRegion, "Region is not valid.");
    if (parsed instanceof Response) return parsed;
    region = parsed;
  } else {
    try {
      region = await findImportRegion(user, id);
    } catch (error) {
      return failureResponse(error, "getImport");
    }
  }
  if (!region) return notFound("No import with this ID exists in the configured Regions.");
  try {
    return jsonNoStore(await getImportView(user, region, id));
  } catch (error) {
    return failureResponse(error, "getImport");
  }
}

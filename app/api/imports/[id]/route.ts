import { authorizeRoute } from "@/lib/auth/guard";
import { findImportRegion } from "@/lib/cloudtrail";
import { getImportView } from "@/lib/cloudtrail/imports-view";
import {
  badRequest,
  failureResponse,
  jsonNoStore,
  notFound,
} from "@/lib/cloudtrail/route-responses";
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
  const id = importIdSchema.safeParse((await params).id);
  if (!id.success) return badRequest(id.error.issues[0]?.message ?? "Import ID is not valid.");
  const rawRegion = new URL(request.url).searchParams.get("region");
  let region: string | null;
  if (rawRegion !== null) {
    const parsed = awsRegionSchema.safeParse(rawRegion);
    if (!parsed.success)
      return badRequest(parsed.error.issues[0]?.message ?? "Region is not valid.");
    region = parsed.data;
  } else {
    try {
      region = await findImportRegion(user, id.data);
    } catch (error) {
      return failureResponse(error, "getImport");
    }
  }
  if (!region) return notFound("No import with this ID exists in the configured Regions.");
  try {
    return jsonNoStore(await getImportView(user, region, id.data));
  } catch (error) {
    return failureResponse(error, "getImport");
  }
}

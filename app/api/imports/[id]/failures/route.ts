import { authorizeRoute } from "@/lib/auth/guard";
import { listImportFailuresPage } from "@/lib/cloudtrail";
import { badRequest, failureResponse, jsonNoStore } from "@/lib/cloudtrail/route-responses";
import { awsRegionSchema, importIdSchema } from "@/lib/schemas/import";
import { z } from "zod";

/** Failures per page: small enough to read, and one ListImportFailures call per page. */
const FAILURES_PAGE_SIZE = 25;

const querySchema = z.strictObject({
  region: awsRegionSchema,
  nextToken: z
    .string()
    .min(4, "The page token is not valid.")
    .max(1000, "The page token is not valid.")
    .optional(),
  // Asked once when the page sees the import finish, so the table matches the final status.
  fresh: z.literal("1").optional(),
});

/** GET /api/imports/<id>/failures?region=&nextToken=&fresh=1 — one page of ListImportFailures. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const user = await authorizeRoute("viewer");
  if (user instanceof Response) return user;
  const id = importIdSchema.safeParse((await params).id);
  if (!id.success) return badRequest(id.error.issues[0]?.message ?? "Import ID is not valid.");
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return badRequest(query.error.issues[0]?.message ?? "The query is not valid.");
  try {
    const page = await listImportFailuresPage(user, query.data.region, id.data, {
      maxResults: FAILURES_PAGE_SIZE,
      ...(query.data.nextToken ? { nextToken: query.data.nextToken } : {}),
      fresh: query.data.fresh === "1",
    });
    return jsonNoStore(page);
  } catch (error) {
    return failureResponse(error, "listImportFailures");
  }
}

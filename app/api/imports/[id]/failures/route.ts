import { authorizeRoute } from "@/lib/auth/guard";
import { listImportFailuresPage } from "@/lib/cloudtrail";
import { failureResponse } from "@/lib/cloudtrail/failure-response";
import { jsonNoStore, parseParam } from "@/lib/http";
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
  const id = parseParam(importIdSchema, (await params).id, "Import ID is not valid.");
  if (id instanceof Response) return id;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseParam(querySchema, search, "The query is not valid.");
  if (query instanceof Response) return query;
  try {
    const page = await listImportFailuresPage(user, query.region, id, {
      maxResults: FAILURES_PAGE_SIZE,
      ...(query.nextToken ? { nextToken: query.nextToken } : {}),
      fresh: query.fresh === "1",
    });
    return jsonNoStore(page);
  } catch (error) {
    return failureResponse(error, "listImportFailures");
  }
}

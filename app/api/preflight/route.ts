import { authorizeRoute } from "@/lib/auth/guard";
import { toCloudTrailFailure } from "@/lib/cloudtrail";
import { runPreflight } from "@/lib/cloudtrail/preflight/run";
import { failureResponse } from "@/lib/cloudtrail/failure-response";
import { badRequest, jsonNoStore } from "@/lib/http";
import { preflightQuerySchema } from "@/lib/schemas/preflight";

/** Failures of the request itself rather than of AWS: the person can change what they sent. */
const REQUEST_PROBLEMS = new Set(["RegionNotConfigured", "SourceNotAllowed"]);

/**
 * POST /api/preflight — runs the checks of one wizard step (or all of them, with the estimate)
 * for an import that hasn't started. Operators only: it reads the source bucket and role as the
 * app. A JSON content type is required, so a cross-site form can't spend a person's budget.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await authorizeRoute("operator");
  if (user instanceof Response) return user;
  if (!request.headers.get("content-type")?.startsWith("application/json"))
    return jsonNoStore({ error: "unsupported", message: "Send the checks as JSON." }, 415);
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return badRequest("The request body is not valid JSON.");
  const parsed = preflightQuerySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    return jsonNoStore(
      { error: "invalid", field, message: `${field}: ${issue?.message ?? "is not valid"}` },
      400,
    );
  }
  try {
    return jsonNoStore(await runPreflight(user, parsed.data));
  } catch (error) {
    const failure = toCloudTrailFailure(error);
    if (REQUEST_PROBLEMS.has(failure.code))
      return jsonNoStore(
        { error: failure.code, field: failure.field, message: failure.message },
        400,
      );
    return failureResponse(error, "getEventDataStore");
  }
}

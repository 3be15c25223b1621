import { activityCsvHeader, activityCsvLine } from "@/lib/activity/csv";
import { authorizeRoute } from "@/lib/auth/guard";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { type ActivityCursor, activityLog } from "@/lib/db/activity";
import { parseActivityFilters } from "@/lib/schemas/activity";

/** The activity log as CSV, with the page's filters; streamed page by page so memory stays flat. */
export const dynamic = "force-dynamic";

const BATCH = 500;
const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  // The session and role are checked here again: the proxy only redirects, it does not authorize.
  const user = await authorizeRoute("viewer");
  if (user instanceof Response) return user;

  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, invalid } = parseActivityFilters(raw);
  if (invalid.length > 0) {
    return Response.json(
      {
        error: "invalid",
        message: `Not valid: ${invalid.join(", ")}. Times are UTC, e.g. 2030-01-31T09:30.`,
      },
      { status: 400, headers: NO_STORE },
    );
  }

  const log = activityLog();
  let first;
  try {
    first = await log.list({ filters, limit: BATCH });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return Response.json(
      {
        error: "database_unavailable",
        message:
          "Trail Imports can't reach its database. Try again shortly, or ask the administrator to check DATABASE_URL.",
      },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "30" } },
    );
  }

  const encoder = new TextEncoder();
  let page = first;
  let sentHeader = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHeader) {
        sentHeader = true;
        controller.enqueue(encoder.encode(activityCsvHeader()));
      }
      controller.enqueue(encoder.encode(page.entries.map(activityCsvLine).join("")));
      const older: ActivityCursor | undefined = page.older;
      if (!older) {
        controller.close();
        return;
      }
      // A failure mid-stream can only end the download early; the truncated file lacks the last rows.
      page = await log.list({ filters, before: older, limit: BATCH });
    },
  });

  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(stream, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trail-imports-activity-${stamp}Z.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

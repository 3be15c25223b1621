import { jsonNoStore } from "@/lib/http";
import { checkReadiness, type Readiness } from "./checks";

/** Readiness: 200 only when config is valid and the IdP, CloudTrail and the database answer. Liveness is /api/health. */
export const dynamic = "force-dynamic";

// Unauthenticated, so one probe result is shared for a few seconds: a flood of requests cannot turn into a
// flood of IdP and AWS calls.
const REUSE_MS = 5_000;
let last: { at: number; result: Promise<Readiness> } | undefined;

export async function GET(): Promise<Response> {
  const now = Date.now();
  if (!last || now - last.at > REUSE_MS) last = { at: now, result: checkReadiness() };
  const result = await last.result;
  return jsonNoStore(result, result.status === "ready" ? 200 : 503);
}

import "server-only";
import { toActivityInput } from "./activity";
import { type AuditContext, auditContext } from "./context";
import { activityLog } from "@/lib/db/activity";
import { unavailableReason } from "@/lib/db/errors";

/** Who did it. Only stable identifiers: never tokens or cookies. */
export type AuditActor = { id: string; email?: string; role?: string };

export type AuditEntry = {
  actor: AuditActor | null;
  /** A short verb-noun, e.g. `start-import`, `sign-in`. */
  action: string;
  importId?: string;
  /** `ok`, or why the call was refused or failed (an action's error code, e.g. `forbidden`). */
  result: string;
  /** The sentence the person was shown when it was refused or failed. */
  message?: string;
  /** Small scalar facts (store ARN, error name). Keys that look secret are redacted. */
  detail?: Record<string, string | number | boolean | null | undefined>;
};

const SECRET_KEY =
  /secret|password|passwd|token|credential|cookie|authorization|session|signature|private/i;
const MAX_VALUE_LENGTH = 500;

function cleanDetail(
  detail: NonNullable<AuditEntry["detail"]>,
): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    if (SECRET_KEY.test(key)) out[key] = "[redacted]";
    else if (typeof value === "string" && value.length > MAX_VALUE_LENGTH)
      out[key] = `${value.slice(0, MAX_VALUE_LENGTH)}…`;
    else out[key] = value;
  }
  return out;
}

/** Builds the single JSON line `audit()` writes; exported for tests. */
export function formatAuditLine(
  entry: AuditEntry,
  time: Date = new Date(),
  context: AuditContext = {},
): string {
  const line = {
    level: "info",
    type: "audit",
    time: time.toISOString(),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.clientAddress ? { clientAddress: context.clientAddress } : {}),
    actor: entry.actor
      ? {
          id: entry.actor.id,
          ...(entry.actor.email ? { email: entry.actor.email } : {}),
          ...(entry.actor.role ? { role: entry.actor.role } : {}),
        }
      : null,
    action: entry.action,
    ...(entry.importId ? { importId: entry.importId } : {}),
    result: entry.result,
    ...(entry.message ? { message: entry.message } : {}),
    ...(entry.detail ? { detail: cleanDetail(entry.detail) } : {}),
  };
  return JSON.stringify(line);
}

// Counted per process (not per bundle: actions, route handlers and /api/ready are bundled apart).
const FAILURES = Symbol.for("trail-imports.activity-append-failures");
const counters = globalThis as typeof globalThis & { [FAILURES]?: number };

/** Audit entries this process could not append to the activity log since it started (see /api/ready). */
export function activityAppendFailures(): number {
  return counters[FAILURES] ?? 0;
}

/**
 * Records one audit entry twice: as a structured JSON line on stdout, where the platform's log collector
 * picks it up, and in the activity log that /activity shows. Both carry the request id and client address
 * of the request it belongs to. Never rejects: when the append fails, an error line repeats the whole entry
 * (so stdout still holds it) and the failure is counted for /api/ready.
 * Call it from `after()` in actions and route handlers so recording never delays the response.
 */
export async function audit(entry: AuditEntry): Promise<void> {
  const time = new Date();
  const context = await auditContext();
  const line = formatAuditLine(entry, time, context);
  process.stdout.write(`${line}\n`);
  try {
    await activityLog().append(toActivityInput(entry, time, context));
  } catch (error) {
    counters[FAILURES] = activityAppendFailures() + 1;
    const reason = unavailableReason(error) ?? (error instanceof Error ? error.message : "unknown");
    console.error(
      JSON.stringify({
        level: "error",
        msg: "audit entry not appended to the activity log",
        reason,
        entry: JSON.parse(line) as unknown,
      }),
    );
  }
}

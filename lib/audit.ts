import "server-only";
import { type AuditContext, auditContext } from "./audit-context";

/** Who did it. Only stable identifiers: never tokens or cookies. */
export type AuditActor = { id: string; email?: string };

export type AuditEntry = {
  actor: AuditActor | null;
  /** A short verb-noun, e.g. `start-import`, `sign-in`. */
  action: string;
  importId?: string;
  /** `ok`, or why the call was refused or failed (an action's error code, e.g. `forbidden`). */
  result: string;
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
      ? { id: entry.actor.id, ...(entry.actor.email ? { email: entry.actor.email } : {}) }
      : null,
    action: entry.action,
    ...(entry.importId ? { importId: entry.importId } : {}),
    result: entry.result,
    ...(entry.detail ? { detail: cleanDetail(entry.detail) } : {}),
  };
  return JSON.stringify(line);
}

/**
 * Writes one structured audit line to stdout, where the platform's log collector picks it up, with the
 * request id and client address of the request it belongs to.
 * Call it from `after()` in actions so logging never delays the response.
 */
export function audit(entry: AuditEntry): void {
  const time = new Date();
  // The request's headers are read asynchronously; the line is written as soon as they are.
  void auditContext().then((context) =>
    process.stdout.write(`${formatAuditLine(entry, time, context)}\n`),
  );
}

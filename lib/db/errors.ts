// Not marked server-only: the migration CLI and the local world use it under plain Node.

/** Shown to a person when an action could not reach the database; safe to display as is. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "Trail Imports can't reach its database, so it did not start anything. Try again shortly, or ask " +
  "the administrator to check DATABASE_URL.";

/**
 * The database could not be reached or is not configured. Actions map it to
 * {@link DATABASE_UNAVAILABLE_MESSAGE}; `/api/ready` reports `reason`, a short fixed phrase or a code.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Database unavailable: ${reason}`, options);
    this.reason = reason;
  }
}

/** The migrations applied to the database are not all known to this code: an older build is running. */
export class SchemaNewerThanCodeError extends Error {
  override readonly name = "SchemaNewerThanCodeError";
}

/** The migrations folder itself is inconsistent, so migrating could silently skip some of it. */
export class MigrationJournalError extends Error {
  override readonly name = "MigrationJournalError";
}

// Socket-level failures plus SQLSTATE classes 08 (connection exception), 53 (insufficient resources) and
// 57P (operator intervention: shutdown, crash, cannot connect now).
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** A short, secret-free reason when `error` means "the database is unreachable", else `undefined`. */
export function unavailableReason(error: unknown): string | undefined {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  if (error instanceof AggregateError) return unavailableReason(error.errors[0]);
  // Drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  if (error instanceof Error && error.cause !== undefined) {
    const inner = unavailableReason(error.cause);
    if (inner) return inner;
  }
  const code = codeOf(error);
  if (code && NETWORK_CODES.has(code)) return code;
  if (code && (code.startsWith("08") || code.startsWith("53") || code.startsWith("57P")))
    return `SQLSTATE ${code}`;
  if (code === "28P01" || code === "28000") return "authentication failed";
  if (code === "3D000") return "database does not exist";
  if (!(error instanceof Error)) return undefined;
  if (/timeout exceeded when trying to connect/i.test(error.message)) return "connect timeout";
  if (/Connection terminated/i.test(error.message)) return "connection terminated";
  return undefined;
}

/** Rethrows connection failures as {@link DatabaseUnavailableError}; anything else (a bug) unchanged. */
export function toDatabaseError(error: unknown): unknown {
  const reason = unavailableReason(error);
  return reason && !(error instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(reason, { cause: error })
    : error;
}

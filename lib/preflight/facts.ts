// What a check is given: an AWS reply that was fetched and validated, or why it couldn't be.
// The gatherer (server-only) produces these; evaluators only read them, so they stay pure.

/** Why a read gave no value. "not-found" is itself a fact (no such bucket or role). */
export interface FetchFailure {
  ok: false;
  reason: "access-denied" | "not-found" | "error";
  /** The IAM action the app's identity needed, e.g. "iam:GetRole". */
  permission: string;
  /** AWS's error code, e.g. "AccessDenied" or "NoSuchEntity". */
  code?: string;
  /** What went wrong and what to do, in the app's words (never AWS's text), when the gatherer knows. */
  message?: string;
}

export type Fetched<T> = { ok: true; value: T } | FetchFailure;

/** A successful read. */
export function fetched<T>(value: T): Fetched<T> {
  return { ok: true, value };
}

/** A read AWS refused for lack of `permission`. */
export function accessDenied(permission: string, code = "AccessDenied"): FetchFailure {
  return { ok: false, reason: "access-denied", permission, code };
}

/** A read whose target does not exist. */
export function notFound(permission: string, code: string): FetchFailure {
  return { ok: false, reason: "not-found", permission, code };
}

const ACCESS_DENIED_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "Forbidden",
  "UnauthorizedOperation",
  "AuthorizationError",
  "AllAccessDisabled",
]);

function errorCode(error: unknown): { code?: string; status?: number } {
  if (typeof error !== "object" || error === null) return {};
  const record = error as {
    name?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const code =
    typeof record.Code === "string"
      ? record.Code
      : typeof record.name === "string"
        ? record.name
        : undefined;
  const status = record.$metadata?.httpStatusCode;
  return { code, status: typeof status === "number" ? status : undefined };
}

/**
 * Turns an SDK error into a FetchFailure. `notFoundCodes` are the codes that mean "it doesn't
 * exist" for this call (NoSuchBucket, NoSuchEntity, …); a body-less 403 counts as access denied.
 */
export function fetchFailure(
  error: unknown,
  permission: string,
  notFoundCodes: readonly string[] = [],
): FetchFailure {
  const { code, status } = errorCode(error);
  if (code && notFoundCodes.includes(code)) return notFound(permission, code);
  if ((code && ACCESS_DENIED_CODES.has(code)) || status === 403) {
    return accessDenied(permission, code ?? "AccessDenied");
  }
  return { ok: false, reason: "error", permission, code: code ?? "Unknown" };
}

/** The part of an event data store the checks read (EventDataStoreDetails has these fields). */
export interface StoreFacts {
  arn: string;
  region: string;
  accountId?: string;
  status: string;
  category: "cloudtrail" | "other" | "unknown";
  eventCategories: string[];
  organizationEnabled: boolean;
  retentionPeriodDays?: number;
  billingMode?: string;
  createdAt?: string;
}

/** The part of an import the checks read (ImportDetails has these fields). */
export interface ImportFacts {
  importId: string;
  region: string;
  status: string;
  destinations: string[];
  createdAt?: string;
  updatedAt?: string;
  startEventTime?: string;
  endEventTime?: string;
  statistics?: { filesCompleted?: number; eventsCompleted?: number };
}

/** The requested time range; a missing side is open, as in StartImport. */
export interface TimeRange {
  start?: Date;
  end?: Date;
}

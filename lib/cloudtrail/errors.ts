import "server-only";
import {
  APP_ERROR_CODES,
  type CloudTrailErrorCode,
  type CloudTrailOperation,
  describeCloudTrailError,
  isCloudTrailErrorCode,
} from "@/lib/cloudtrail/error-messages";
import type { CloudTrailFailure } from "./types";

/** An error this layer raises itself (bad configuration, unreadable reply, local guard). */
export class CloudTrailAppError extends Error {
  readonly code: CloudTrailErrorCode;
  constructor(code: CloudTrailErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CloudTrailAppError";
    this.code = code;
  }
}

/** Thrown when a Region is not in CLOUDTRAIL_REGIONS. */
export class RegionNotConfiguredError extends CloudTrailAppError {
  readonly region: string;
  constructor(region: string, configured: readonly string[]) {
    super(
      "RegionNotConfigured",
      `Region "${region}" is not in CLOUDTRAIL_REGIONS (${configured.join(", ")})`,
    );
    this.name = "RegionNotConfiguredError";
    this.region = region;
  }
}

/** Wraps whatever a CloudTrail call threw with the app operation it belonged to. */
export class CloudTrailCallError extends Error {
  readonly operation: CloudTrailOperation;
  readonly region: string;
  constructor(operation: CloudTrailOperation, region: string, cause: unknown) {
    super(`CloudTrail ${operation} in ${region} failed`, { cause });
    this.name = "CloudTrailCallError";
    this.operation = operation;
    this.region = region;
  }
}

/** Runs `fn`, tagging anything it throws with `operation` so messages can be specific. */
export async function withOperation<T>(
  operation: CloudTrailOperation,
  region: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof CloudTrailCallError
      ? error
      : new CloudTrailCallError(operation, region, error);
  }
}

// Names other AWS layers use for the same condition (STS speaks awsQuery and has its own).
const ALIASES: Record<string, CloudTrailErrorCode> = {
  Throttling: "ThrottlingException",
  ThrottledException: "ThrottlingException",
  TooManyRequestsException: "ThrottlingException",
  RequestLimitExceeded: "ThrottlingException",
  AccessDenied: "AssumeRoleDenied",
  InvalidClientTokenId: "UnrecognizedClientException",
  SignatureDoesNotMatch: "UnrecognizedClientException",
  IncompleteSignature: "UnrecognizedClientException",
  MissingAuthenticationToken: "UnrecognizedClientException",
  ExpiredToken: "ExpiredTokenException",
  RequestExpired: "ExpiredTokenException",
  InternalFailure: "ServiceUnavailable",
  InternalServerError: "ServiceUnavailable",
  ServiceUnavailableException: "ServiceUnavailable",
  CredentialsProviderError: "CredentialsUnavailable",
  TimeoutError: "NetworkError",
  RequestTimeout: "NetworkError",
  RequestTimeoutException: "NetworkError",
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

// Codes a bare `name` may claim; app-internal codes only come from CloudTrailAppError.
const INTERNAL_CODES = new Set<string>(APP_ERROR_CODES);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
}

function fields(error: unknown): ErrorFields {
  return typeof error === "object" && error !== null ? (error as ErrorFields) : {};
}

function codeOf(error: unknown, depth = 0): CloudTrailErrorCode {
  if (error instanceof CloudTrailAppError) return error.code;
  const { name, code, cause, $fault, $metadata } = fields(error);
  if (typeof name === "string") {
    if (isCloudTrailErrorCode(name) && !INTERNAL_CODES.has(name)) return name;
    const alias = ALIASES[name];
    if (alias) return alias;
  }
  if (typeof code === "string" && NETWORK_CODES.has(code)) return "NetworkError";
  const status = $metadata?.httpStatusCode;
  if ($fault === "server" || (typeof status === "number" && status >= 500))
    return "ServiceUnavailable";
  if (typeof status === "number" && status === 429) return "ThrottlingException";
  if (cause !== undefined && depth < 4) return codeOf(cause, depth + 1);
  return "Unknown";
}

const UUID = /[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}/;

function requestIdOf(error: unknown, depth = 0): string | undefined {
  const { $metadata, cause } = fields(error);
  if (typeof $metadata?.requestId === "string" && $metadata.requestId) return $metadata.requestId;
  return cause !== undefined && depth < 4 ? requestIdOf(cause, depth + 1) : undefined;
}

/**
 * Turns anything a CloudTrail call threw into a failure that is safe to show: a code, one of
 * our own sentences (never AWS's text), the field to blame and whether retrying can help.
 * `operation` overrides the one recorded by `withOperation`.
 */
export function toCloudTrailFailure(
  error: unknown,
  operation?: CloudTrailOperation,
): CloudTrailFailure {
  const op = operation ?? (error instanceof CloudTrailCallError ? error.operation : undefined);
  const inner = error instanceof CloudTrailCallError ? error.cause : error;
  const code = codeOf(inner);
  const text = describeCloudTrailError(code, op);
  const failure: CloudTrailFailure = { code, message: text.message, retryable: text.retryable };
  if (text.field) failure.field = text.field;
  if (code === "AccountHasOngoingImportException") {
    const { message } = fields(inner);
    const ongoing = typeof message === "string" ? UUID.exec(message.toLowerCase())?.[0] : undefined;
    if (ongoing) failure.ongoingImportId = ongoing;
  }
  const requestId = requestIdOf(inner);
  if (requestId) failure.requestId = requestId;
  return failure;
}

/** The raw details of an error for server logs only; never send this to a browser. */
export function describeErrorForLog(error: unknown): {
  name: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
} {
  const inner = error instanceof CloudTrailCallError ? error.cause : error;
  const { name, message, $metadata } = fields(inner);
  const status = $metadata?.httpStatusCode;
  return {
    name: typeof name === "string" ? name : typeof inner,
    message: typeof message === "string" ? message : String(inner),
    ...(requestIdOf(inner) ? { requestId: requestIdOf(inner) } : {}),
    ...(typeof status === "number" ? { httpStatus: status } : {}),
  };
}

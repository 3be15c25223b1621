// Whether a failed chunk is worth retrying on its own. A FAILED import lists per-file failures
// whose ErrorType is a free string in the CloudTrail model; the names below are the ones S3,
// KMS, STS and CloudTrail use for conditions that pass without anyone changing anything.
// Everything else (AccessDenied, NoSuchBucket, a KMS key that is disabled, a file that isn't a
// gzip-compressed CloudTrail log, and any name not listed here) waits for a person: retrying a
// permission or content problem only repeats it, and an unknown name is not evidence of a blip.

/** Per-file failure types that clear up by themselves. */
const TRANSIENT_TYPES: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
  "RequestTimeout",
  "RequestTimeoutException",
  "InternalError",
  "InternalFailure",
  "InternalServerError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "KMSThrottlingException",
  "KMS.ThrottlingException",
  "ExpiredToken",
  "ExpiredTokenException",
  // The file existed when the import listed it but could not be read this time.
  "FileReadError",
]);

/** StartImport error codes (as mapped by the CloudTrail layer) that a later start can get past. */
const TRANSIENT_START_CODES: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "ServiceUnavailable",
  "NetworkError",
  "ExpiredTokenException",
  "InvalidResponse",
  // Someone else's import is running; the runner waits for it rather than counting a failure.
  "AccountHasOngoingImportException",
]);

export interface FailureVerdict {
  transient: boolean;
  /** A sentence for the chunk's "last error" and the notification. */
  reason: string;
}

/**
 * Classifies a FAILED import from the distinct ErrorType values of its failed files. Transient
 * only when there is at least one type and every one of them is transient: one permanent cause
 * among many throttled files still needs a person.
 */
export function classifyImportFailure(errorTypes: readonly string[]): FailureVerdict {
  const types = [...new Set(errorTypes)].sort();
  if (types.length === 0) {
    return {
      transient: false,
      reason:
        "The import failed without listing a failed file. Open it in Trail Imports or the CloudTrail console to see why.",
    };
  }
  const permanent = types.filter((type) => !TRANSIENT_TYPES.has(type));
  if (permanent.length === 0) {
    return {
      transient: true,
      reason: `Some files failed for temporary reasons (${types.join(", ")}); the import is retried.`,
    };
  }
  return {
    transient: false,
    reason: `Some files failed with ${permanent.join(", ")}. Fix the cause (bucket policy, role, KMS key or the files themselves), then re-run the chunk.`,
  };
}

/** Whether a StartImport error code (from the app's CloudTrail error mapping) is worth another try. */
export function isTransientStartError(code: string): boolean {
  return TRANSIENT_START_CODES.has(code);
}

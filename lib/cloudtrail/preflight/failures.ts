import "server-only";
import { fetchFailure, type FetchFailure } from "@/lib/preflight/facts";
import { CloudTrailAppError, CloudTrailCallError, toCloudTrailFailure } from "../errors";

// What a preflight read that failed tells the person. The checks say "couldn't check …" and then
// one of these sentences; none repeats AWS's own text, which can carry ARNs or account ids.

const SENTENCES: Record<string, string> = {
  NoSuchBucket: "the bucket doesn't exist. Check the bucket name in the S3 URI.",
  NotFound: "S3 found nothing under that name. Check the bucket name in the S3 URI.",
  NoSuchKey:
    "a log file listed a moment ago is gone; it may have been moved or expired by a lifecycle rule. Run the checks again.",
  InvalidObjectState:
    "the log file is in an archive storage class, and S3 serves it only after a restore.",
  PermanentRedirect:
    "S3 answered from another Region than the one given. Set the bucket Region to the bucket's real Region.",
  AuthorizationHeaderMalformed:
    "S3 refused a request signed for the wrong Region. Set the bucket Region to the bucket's real Region.",
  SlowDown: "S3 is throttling requests to this bucket. Wait a minute and run the checks again.",
  AllAccessDisabled:
    "all access to this bucket is disabled by its owner. Ask the bucket owner, or choose another bucket.",
  InvalidAccessKeyId:
    "AWS didn't recognise the app's credentials. Ask the Trail Imports administrator to check the app's AWS identity.",
  NoSuchEntity: "IAM has no such role in this account. Check the role ARN.",
  NoSuchEntityException: "IAM has no such role in this account. Check the role ARN.",
  InvalidInputException:
    "IAM rejected the simulation's input. Check the role ARN; if it is right, report this to the Trail Imports maintainers.",
  MalformedPolicyDocumentException:
    "IAM couldn't read one of the role's policies. Open the role in the IAM console and fix its policy documents.",
  AWSOrganizationsNotInUseException:
    "the app's account isn't in an AWS organisation, so it can't use an organisation store.",
  TooManyRequestsException:
    "AWS Organizations is throttling requests. Wait a minute and run the checks again.",
};

function nameOf(error: unknown): string | undefined {
  const record = typeof error === "object" && error !== null ? (error as { name?: unknown }) : {};
  return typeof record.name === "string" ? record.name : undefined;
}

/**
 * A preflight read's error as a FetchFailure naming `permission`, with a sentence a security
 * engineer can act on. CloudTrail calls arrive wrapped (CloudTrailCallError) and keep the
 * CloudTrail layer's own message; `notFoundCodes` are the codes meaning "it doesn't exist".
 */
export function readFailure(
  error: unknown,
  permission: string,
  notFoundCodes: readonly string[] = [],
): FetchFailure {
  const inner = error instanceof CloudTrailCallError ? error.cause : error;
  if (inner instanceof CloudTrailAppError) {
    // Refused credentials, the per-person budget, an unconfigured Region: the app's side.
    return {
      ok: false,
      reason: "error",
      permission,
      code: inner.code,
      message: toCloudTrailFailure(inner).message,
    };
  }
  const failure = fetchFailure(inner, permission, notFoundCodes);
  if (failure.reason === "access-denied") return failure;
  const sentence = failure.code ? SENTENCES[failure.code] : undefined;
  if (sentence) return { ...failure, message: sentence };
  // Throttling, timeouts, 5xx, refused credentials: the CloudTrail layer already words these.
  const mapped = toCloudTrailFailure(inner);
  const generic = mapped.code === "Unknown" ? undefined : mapped.message;
  return {
    ...failure,
    message:
      generic ??
      `the ${permission} call failed (${failure.code ?? nameOf(inner) ?? "error"}). Run the checks again; if it keeps failing, check the app's connection to AWS.`,
  };
}

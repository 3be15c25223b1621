import "server-only";
import { CloudTrailCallError, describeErrorForLog, toCloudTrailFailure } from "@/lib/cloudtrail";
import type { CloudTrailOperation } from "@/lib/cloudtrail/error-messages";
import { DATABASE_UNAVAILABLE_MESSAGE, unavailableReason } from "@/lib/db/errors";
import type { AuditFacts } from "./action-pipeline";
import { type ActionFailure, type AwsFailureDetail, actionError } from "./types";

/**
 * The action result for anything a data-layer call threw: our sentence (never AWS's text), the
 * sentence again on the field to blame, and the details the caller links or retries with. The raw
 * error goes to the server log only.
 */
export function awsFailure(
  error: unknown,
  operation?: CloudTrailOperation,
): { failure: ActionFailure<AwsFailureDetail>; facts: AuditFacts } {
  const failure = toCloudTrailFailure(error, operation);
  console.warn(
    JSON.stringify({
      level: "warn",
      msg: `${operation ?? "CloudTrail call"} failed`,
      ...describeErrorForLog(error),
    }),
  );
  const region = error instanceof CloudTrailCallError ? error.region : undefined;
  const detail: AwsFailureDetail = {
    awsCode: failure.code,
    retryable: failure.retryable,
    ...(failure.field ? { field: failure.field } : {}),
    ...(failure.ongoingImportId && region
      ? { ongoingImport: { importId: failure.ongoingImportId, region } }
      : {}),
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
  };
  return {
    failure: actionError(
      "aws",
      failure.message,
      failure.field ? { [failure.field]: [failure.message] } : undefined,
      detail,
    ),
    facts: {
      detail: {
        awsCode: failure.code,
        ...(failure.requestId ? { requestId: failure.requestId } : {}),
      },
    },
  };
}

/**
 * The pipeline's error mapper: an unreachable database (the rate limit or the start guard could not be
 * checked, so nothing was sent to AWS) becomes `database_unavailable`; anything else goes to {@link awsFailure}.
 */
export function actionFailure(
  error: unknown,
  operation?: CloudTrailOperation,
): { failure: ActionFailure<AwsFailureDetail>; facts: AuditFacts } | undefined {
  const reason = unavailableReason(error);
  if (reason === undefined) {
    // An action with no CloudTrail operation only touches the database: anything else is a bug.
    return operation ? awsFailure(error, operation) : undefined;
  }
  console.warn(
    JSON.stringify({
      level: "warn",
      msg: `${operation ?? "action"} refused: database unavailable`,
      reason,
    }),
  );
  return {
    failure: actionError<AwsFailureDetail>("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE),
    facts: { detail: { reason } },
  };
}

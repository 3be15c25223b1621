// The result every server action returns, shared by the actions (server) and their callers (client).
import type { CloudTrailErrorCode, CloudTrailField } from "@/lib/cloudtrail/error-messages";
import type { AnyImportStatus } from "@/lib/imports/status";

/**
 * Why an action refused or failed. `aws` covers mapped AWS errors; `database_unavailable` means the app
 * could not reach its own database and so did nothing; bugs are thrown, not returned.
 */
export const ACTION_ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "invalid",
  "conflict",
  "aws",
  "rate_limited",
  "database_unavailable",
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

/**
 * An expected failure. `error` is shown to the user; `fieldErrors` maps a field name to its
 * messages (from `z.flattenError`); `detail` carries what a caller needs beyond the sentence.
 */
export type ActionFailure<D = never> = {
  ok: false;
  error: string;
  code: ActionErrorCode;
  fieldErrors?: Record<string, string[]>;
  detail?: D;
};

/** The one result shape every server action returns. */
export type ActionResult<T = void, D = never> =
  { ok: true; data: T; message?: string } | ActionFailure<D>;

/** A successful result. */
export function actionOk<T>(data: T, message?: string): { ok: true; data: T; message?: string } {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

/** An expected failure. `error` is shown to the user, so it must never contain secrets or raw SDK messages. */
export function actionError<D = never>(
  code: ActionErrorCode,
  error: string,
  fieldErrors?: Record<string, string[]>,
  detail?: D,
): ActionFailure<D> {
  return {
    ok: false,
    error,
    code,
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Where an import lives: what a start returns, and what names the running import that blocked one. */
export interface ImportRef {
  importId: string;
  region: string;
}

/** What retry and stop return on success: the status CloudTrail answered with. */
export interface ImportActionData extends ImportRef {
  status: AnyImportStatus;
}

/** The facts about a failed AWS call that a caller needs beyond the sentence and the field. */
export interface AwsFailureDetail {
  awsCode: CloudTrailErrorCode;
  field?: CloudTrailField;
  retryable: boolean;
  /** The running import that blocked a start, when AWS named it (a link target). */
  ongoingImport?: ImportRef;
  /** AWS request id, for support tickets. */
  requestId?: string;
}

/** The result of an action that calls AWS. */
export type AwsActionResult<T> = ActionResult<T, AwsFailureDetail>;

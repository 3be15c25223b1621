/** Why an action refused or failed. `aws` covers mapped AWS errors; bugs are thrown, not returned. */
export type ActionErrorCode =
  "unauthenticated" | "forbidden" | "invalid" | "conflict" | "aws" | "rate_limited";

/** The one result shape every server action returns (style guide §2). */
export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: ActionErrorCode; fieldErrors?: Record<string, string[]> };

/** A successful result. */
export function actionOk<T>(data: T, message?: string): ActionResult<T> {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

/** An expected failure. `error` is shown to the user, so it must never contain secrets or raw SDK messages. */
export function actionError<T = never>(
  code: ActionErrorCode,
  error: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<T> {
  return fieldErrors === undefined
    ? { ok: false, error, code }
    : { ok: false, error, code, fieldErrors };
}

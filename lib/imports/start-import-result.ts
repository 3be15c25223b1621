// What `startImportAction` returns, shared by the action (server) and the wizard (client).
import type { ActionResult } from "@/lib/actions/types";
import type { CloudTrailErrorCode, CloudTrailField } from "@/lib/errors/cloudtrail-messages";

/** A started import: where to find it. */
export interface StartImportData {
  importId: string;
  region: string;
}

/** Extra facts about an AWS failure the wizard needs beyond the sentence and the field. */
export interface StartImportFailureDetails {
  awsCode: CloudTrailErrorCode;
  field?: CloudTrailField;
  retryable: boolean;
  /** The running import that blocked this start, when AWS named it (link target). */
  ongoingImport?: StartImportData;
  /** AWS request id, for support tickets. */
  requestId?: string;
}

/** The action's result: the usual ActionResult, with `failure` on AWS errors. */
export type StartImportActionResult =
  | Extract<ActionResult<StartImportData>, { ok: true }>
  | (Extract<ActionResult<StartImportData>, { ok: false }> & {
      failure?: StartImportFailureDetails;
    });

/** The AWS failure details of a result, if it carries any. */
export function failureDetailsOf(
  result: ActionResult<StartImportData>,
): StartImportFailureDetails | undefined {
  if (result.ok || !("failure" in result)) return undefined;
  const failure: unknown = result.failure;
  return typeof failure === "object" && failure !== null
    ? (failure as StartImportFailureDetails)
    : undefined;
}

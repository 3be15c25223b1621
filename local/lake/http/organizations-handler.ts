// The local Organizations (awsJson1_1, AWSOrganizationsV20161128): DescribeOrganization for the
// demo organization, whose management account is the demo account.
import type { ServerResponse } from "node:http";
import { resolveCaller, type Caller } from "../identity/callers.ts";
import { inputShape, loadModel } from "../protocol/botocore-model.ts";
import { LakeError } from "../protocol/errors.ts";
import { parseJsonBody, sendError, sendJson } from "../protocol/json-protocol.ts";
import type { SigV4Scope } from "../protocol/sigv4.ts";
import { describeViolations, validateInput } from "../protocol/validate.ts";
import { DEMO_ACCOUNT_ID, DEMO_ORG_EMAIL, DEMO_ORG_ID } from "../seed/constants.ts";
import type { LakeState } from "../state/lake-state.ts";

const MODEL = loadModel("organizations-model.json");
export const ORGANIZATIONS_TARGET_PREFIX = "AWSOrganizationsV20161128";

export type OrganizationsOutcome = {
  operation: string;
  caller: Caller | null;
  status: number;
  error: string | null;
};

function describeOrganization(caller: Caller): Record<string, unknown> {
  if (caller.accountId !== DEMO_ACCOUNT_ID)
    throw new LakeError(
      "AWSOrganizationsNotInUseException",
      "Your account is not a member of an organization.",
    );
  const orgArn = `arn:aws:organizations::${DEMO_ACCOUNT_ID}:organization/${DEMO_ORG_ID}`;
  return {
    Organization: {
      Id: DEMO_ORG_ID,
      Arn: orgArn,
      FeatureSet: "ALL",
      MasterAccountArn: `arn:aws:organizations::${DEMO_ACCOUNT_ID}:account/${DEMO_ORG_ID}/${DEMO_ACCOUNT_ID}`,
      MasterAccountId: DEMO_ACCOUNT_ID,
      MasterAccountEmail: DEMO_ORG_EMAIL,
      AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
    },
  };
}

/** Serves one Organizations request. */
export function handleOrganizations(
  res: ServerResponse,
  body: Buffer,
  target: string,
  scope: SigV4Scope | null,
  sessionToken: string | undefined,
  state: LakeState,
  requestId: string,
): OrganizationsOutcome {
  const operation = target.slice(target.lastIndexOf(".") + 1);
  let caller: Caller | null = null;
  try {
    if (!scope)
      throw new LakeError(
        "MissingAuthenticationTokenException",
        "Request is missing Authentication Token",
        403,
      );
    const resolved = resolveCaller(state, scope.accessKeyId, sessionToken, Date.now());
    if (!resolved.ok)
      throw new LakeError(
        resolved.reason === "expired" ? "ExpiredTokenException" : "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        403,
      );
    caller = resolved.caller;
    if (operation !== "DescribeOrganization")
      throw new LakeError(
        "UnknownOperationException",
        `The operation ${operation} is not supported by this endpoint.`,
      );
    const { errors } = validateInput(inputShape(MODEL, operation), parseJsonBody(body));
    if (errors.length > 0) throw new LakeError("InvalidInputException", describeViolations(errors));
    sendJson(res, 200, describeOrganization(caller), requestId);
    return { operation, caller, status: 200, error: null };
  } catch (error) {
    if (!(error instanceof LakeError)) throw error;
    sendError(res, error, requestId);
    return { operation, caller, status: error.status, error: error.code };
  }
}

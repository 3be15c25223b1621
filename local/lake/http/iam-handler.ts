// The local IAM (awsQuery, 2010-05-08): GetRole and SimulatePrincipalPolicy over the roles in
// seed/iam-roles.ts. Inputs are checked against the botocore model in local/lake/model/iam-model.json.
import type { ServerResponse } from "node:http";
import { simulate, parsePolicy, type ContextEntry } from "../iam/simulate.ts";
import type { NamedPolicy } from "../iam/policy-types.ts";
import { resolveCaller, type Caller } from "../identity/callers.ts";
import { decodeQuery, inputShape, loadModel } from "../protocol/botocore-model.ts";
import { LakeError } from "../protocol/errors.ts";
import type { SigV4Scope } from "../protocol/sigv4.ts";
import { describeViolations, validateInput } from "../protocol/validate.ts";
import { demoRoles, type RoleRecord } from "../seed/iam-roles.ts";
import type { LakeState } from "../state/lake-state.ts";
import { StsError, el, xmlEscape } from "../sts/sts-xml.ts";

const MODEL = loadModel("iam-model.json");
const NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export type IamOutcome = {
  action: string;
  caller: Caller | null;
  status: number;
  error: string | null;
};

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(xml),
    "x-amzn-RequestId": requestId,
  });
  res.end(xml);
}

function checked(action: string, params: URLSearchParams): Record<string, unknown> {
  const shape = inputShape(MODEL, action);
  let result;
  try {
    result = validateInput(shape, decodeQuery(shape, params) as Record<string, unknown>, {
      fullMatch: true,
    });
  } catch (error) {
    if (error instanceof LakeError) throw new StsError("ValidationError", error.message);
    throw error;
  }
  if (result.errors.length > 0)
    throw new StsError("ValidationError", describeViolations(result.errors));
  return result.value;
}

function noSuchRole(name: string): StsError {
  return new StsError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
}

function roleXml(role: RoleRecord): string {
  return (
    `<Role>${el("Path", role.path)}${el("AssumeRolePolicyDocument", encodeURIComponent(JSON.stringify(role.trustPolicy)))}` +
    `${el("MaxSessionDuration", 3600)}${el("RoleId", role.roleId)}${el("RoleName", role.name)}` +
    `${el("Description", role.description)}${el("Arn", role.arn)}${el("CreateDate", iso(role.createdMs))}</Role>`
  );
}

function getRole(params: URLSearchParams, caller: Caller, state: LakeState): string {
  const { RoleName } = checked("GetRole", params) as { RoleName: string };
  const role = demoRoles(state.seedEndMs).find(
    (r) => r.name === RoleName && r.accountId === caller.accountId,
  );
  if (!role) throw noSuchRole(RoleName);
  return roleXml(role);
}

type SimulateRequest = {
  PolicySourceArn: string;
  ActionNames: string[];
  ResourceArns?: string[];
  PolicyInputList?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
};

function policyOrThrow(text: string, member: string): NamedPolicy["document"] {
  const document = parsePolicy(text);
  if (!document)
    throw new StsError(
      "MalformedPolicyDocument",
      `The policy document in ${member} is not a valid policy.`,
    );
  return document;
}

function simulatePrincipalPolicy(params: URLSearchParams, state: LakeState): string {
  const req = checked("SimulatePrincipalPolicy", params) as SimulateRequest;
  const match = ROLE_ARN_RE.exec(req.PolicySourceArn);
  const role = match
    ? demoRoles(state.seedEndMs).find((r) => r.arn === req.PolicySourceArn)
    : undefined;
  if (!role) {
    if (match) throw noSuchRole(match[2] ?? "");
    throw new StsError(
      "InvalidInput",
      `PolicySourceArn ${req.PolicySourceArn} is not the ARN of a role in this account.`,
    );
  }
  if (req.ResourcePolicy !== undefined && req.CallerArn === undefined) {
    throw new StsError(
      "InvalidInput",
      "CallerArn is required when ResourcePolicy is given and PolicySourceArn is not an IAM user.",
    );
  }
  const identityPolicies: NamedPolicy[] = [
    ...role.policies.map((p) => ({ id: p.name, type: "role" as const, document: p.document })),
    ...(req.PolicyInputList ?? []).map((text, i) => ({
      id: `PolicyInputList.${i + 1}`,
      type: "role" as const,
      document: policyOrThrow(text, "PolicyInputList"),
    })),
  ];
  const resourceAccount = /^\d{12}$/.test(req.ResourceOwner ?? "")
    ? (req.ResourceOwner ?? "")
    : (req.ResourceOwner?.split(":")[4] ?? role.accountId);
  const results = simulate({
    identityPolicies,
    ...(req.ResourcePolicy === undefined
      ? {}
      : {
          resourcePolicy: {
            id: "ResourcePolicy",
            type: "resource",
            document: policyOrThrow(req.ResourcePolicy, "ResourcePolicy"),
          },
        }),
    principalAccount: role.accountId,
    resourceAccount: resourceAccount || role.accountId,
    callerArn: req.CallerArn ?? role.arn,
    actions: req.ActionNames,
    resources: req.ResourceArns ?? ["*"],
    context: req.ContextEntries ?? [],
  });
  const members = results.map(
    (r) =>
      `<member>${el("EvalActionName", r.action)}${el("EvalResourceName", r.resource)}${el("EvalDecision", r.decision)}` +
      `<MatchedStatements>${r.matched.map((m) => `<member>${el("SourcePolicyId", m.policyId)}${el("SourcePolicyType", m.policyType)}</member>`).join("")}</MatchedStatements>` +
      `<MissingContextValues>${r.missingContext.map((k) => el("member", k)).join("")}</MissingContextValues><EvalDecisionDetails/></member>`,
  );
  return `${el("IsTruncated", "false")}<EvaluationResults>${members.join("")}</EvaluationResults>`;
}

/** Serves one IAM request whose form body is `body`. */
export function handleIam(
  res: ServerResponse,
  body: Buffer,
  scope: SigV4Scope | null,
  sessionToken: string | undefined,
  state: LakeState,
  requestId: string,
): IamOutcome {
  const params = new URLSearchParams(body.toString("utf8"));
  const action = params.get("Action") ?? "(none)";
  let caller: Caller | null = null;
  try {
    if (!scope)
      throw new StsError(
        "MissingAuthenticationToken",
        "Request is missing Authentication Token",
        403,
      );
    const resolved = resolveCaller(state, scope.accessKeyId, sessionToken, Date.now());
    if (!resolved.ok)
      throw resolved.reason === "expired"
        ? new StsError("ExpiredToken", "The security token included in the request is expired", 403)
        : new StsError(
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
            403,
          );
    caller = resolved.caller;
    const result =
      action === "GetRole"
        ? getRole(params, caller, state)
        : action === "SimulatePrincipalPolicy"
          ? simulatePrincipalPolicy(params, state)
          : null;
    if (result === null)
      throw new StsError(
        "InvalidAction",
        `Could not find operation ${action} for version 2010-05-08`,
      );
    send(
      res,
      200,
      `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${result}</${action}Result>` +
        `<ResponseMetadata>${el("RequestId", requestId)}</ResponseMetadata></${action}Response>\n`,
      requestId,
    );
    return { action, caller, status: 200, error: null };
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    send(
      res,
      error.status,
      `<ErrorResponse xmlns="${NAMESPACE}"><Error>${el("Type", error.type)}${el("Code", error.code)}` +
        `<Message>${xmlEscape(error.message)}</Message></Error>${el("RequestId", requestId)}</ErrorResponse>\n`,
      requestId,
    );
    return { action, caller, status: error.status, error: error.code };
  }
}

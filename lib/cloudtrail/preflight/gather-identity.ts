import "server-only";
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand } from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { z } from "zod";
import { fetched, type Fetched } from "@/lib/preflight/facts";
import { PREFLIGHT_LIMITS, type PlannedCall } from "@/lib/preflight/plan";
import {
  callerIdentitySchema,
  describeOrganizationSchema,
  getRoleSchema,
  simulationSchema,
  type CallerFacts,
  type OrganizationFacts,
  type RoleFacts,
  type SimulationResult,
} from "@/lib/schemas/preflight-facts";
import type { Caller } from "../types";
import { iamFor, organizationsFor, stsFor } from "./clients";
import { readFailure } from "./failures";

const NO_ROLE = ["NoSuchEntity", "NoSuchEntityException"];

/** Which account the app runs as (IAM reads and simulates only roles there). */
export function readCallerIdentity(caller: Caller): Promise<Fetched<CallerFacts>> {
  return stsFor(caller)
    .send(new GetCallerIdentityCommand({}))
    .then(
      (reply) => fetched(callerIdentitySchema.parse(reply)),
      (error: unknown) => readFailure(error, "sts:GetCallerIdentity"),
    );
}

/** The organisation and its management account; not-found when the account is in none. */
export function readOrganization(caller: Caller): Promise<Fetched<OrganizationFacts>> {
  return organizationsFor(caller)
    .send(new DescribeOrganizationCommand({}))
    .then(
      (reply) => fetched(describeOrganizationSchema.parse(reply)),
      (error: unknown) =>
        readFailure(error, "organizations:DescribeOrganization", [
          "AWSOrganizationsNotInUseException",
        ]),
    );
}

/** GetRole: the role's trust policy. */
export function readRole(caller: Caller, roleName: string): Promise<Fetched<RoleFacts>> {
  return iamFor(caller)
    .send(new GetRoleCommand({ RoleName: roleName }))
    .then(
      (reply) => fetched(getRoleSchema.parse(reply)),
      (error: unknown) => readFailure(error, "iam:GetRole", NO_ROLE),
    );
}

// The plan (lib/preflight/plan-calls.ts) holds the parameters; this keeps them honest for the SDK.
const simulationParamsSchema = z.object({
  PolicySourceArn: z.string(),
  ActionNames: z.array(z.string()),
  ResourceArns: z.array(z.string()).optional(),
  ContextEntries: z
    .array(
      z.object({
        ContextKeyName: z.string(),
        ContextKeyValues: z.array(z.string()),
        ContextKeyType: z.literal("string"),
      }),
    )
    .optional(),
});

/**
 * SimulatePrincipalPolicy with a planned call's parameters, following IsTruncated up to the
 * plan's page limit.
 */
export async function simulate(
  caller: Caller,
  call: PlannedCall,
): Promise<Fetched<SimulationResult[]>> {
  const params = simulationParamsSchema.parse(call.params);
  const results: SimulationResult[] = [];
  let marker: string | undefined;
  try {
    for (let page = 0; page < PREFLIGHT_LIMITS.simulationPages; page++) {
      const reply = await iamFor(caller).send(
        new SimulatePrincipalPolicyCommand({
          ...params,
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      results.push(...simulationSchema.parse(reply));
      marker = reply.IsTruncated ? reply.Marker : undefined;
      if (!marker) break;
    }
    return fetched(results);
  } catch (error) {
    return readFailure(error, "iam:SimulatePrincipalPolicy", NO_ROLE);
  }
}

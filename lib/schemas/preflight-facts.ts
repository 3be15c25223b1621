// The S3, IAM, Organizations and STS replies a preflight reads, validated before any check judges
// them. Each parser keeps only what the checks use and turns it into plain values (policy
// documents decoded, lists always arrays), so an evaluator never sees an SDK type.
import { z } from "zod";

const optionalString = z.string().optional().catch(undefined);
const stringOrList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const principalSchema = z
  .union([z.literal("*"), z.record(z.string(), z.union([z.string(), z.array(z.string())]))])
  .optional()
  .transform((value) => {
    if (value === undefined) return undefined;
    if (value === "*") return { "*": ["*"] };
    return Object.fromEntries(
      Object.entries(value).map(([kind, ids]) => [kind, Array.isArray(ids) ? ids : [ids]]),
    );
  });

const conditionValue = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.array(z.union([z.string(), z.number(), z.boolean()])),
  ])
  .transform((value) => (Array.isArray(value) ? value : [value]).map(String));

const statementSchema = z.object({
  Sid: optionalString,
  Effect: z.enum(["Allow", "Deny"]),
  Principal: principalSchema,
  NotPrincipal: principalSchema,
  Action: stringOrList,
  NotAction: stringOrList,
  Resource: stringOrList,
  NotResource: stringOrList,
  Condition: z.record(z.string(), z.record(z.string(), conditionValue)).optional(),
});

/** An IAM policy document (trust, identity or bucket policy), every list normalised to an array. */
export const policyDocumentSchema = z.object({
  Version: optionalString,
  Statement: z
    .union([statementSchema, z.array(statementSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
});
export type PolicyDocument = z.output<typeof policyDocumentSchema>;
export type PolicyStatement = PolicyDocument["Statement"][number];

/**
 * Parses a policy as IAM returns it: GetRole's document is URL-encoded JSON, GetBucketPolicy's is
 * plain JSON. `null` when the text is not a policy this app can read.
 */
export function parsePolicyText(text: string): PolicyDocument | null {
  let json: unknown;
  try {
    json = JSON.parse(text.trimStart().startsWith("{") ? text : decodeURIComponent(text));
  } catch {
    return null;
  }
  const parsed = policyDocumentSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export const callerIdentitySchema = z
  .object({ Account: z.string().regex(/^\d{12}$/), Arn: z.string().min(1) })
  .transform((r) => ({ accountId: r.Account, arn: r.Arn }));
export type CallerFacts = z.output<typeof callerIdentitySchema>;

export const describeOrganizationSchema = z
  .object({
    Organization: z.object({
      Id: z.string().min(1),
      MasterAccountId: z.string().regex(/^\d{12}$/),
    }),
  })
  .transform((r) => ({
    id: r.Organization.Id,
    managementAccountId: r.Organization.MasterAccountId,
  }));
export type OrganizationFacts = z.output<typeof describeOrganizationSchema>;

/** GetBucketLocation's LocationConstraint: empty means us-east-1 and the legacy `EU` eu-west-1. */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return "us-east-1";
  return constraint === "EU" ? "eu-west-1" : constraint;
}

export const headBucketSchema = z
  .object({ BucketRegion: optionalString })
  .transform((r) => ({ region: r.BucketRegion }));
export type BucketFacts = z.output<typeof headBucketSchema>;

export const ownershipControlsSchema = z
  .object({
    OwnershipControls: z
      .object({ Rules: z.array(z.object({ ObjectOwnership: optionalString })).catch([]) })
      .optional()
      .catch(undefined),
  })
  .transform((r) => ({ objectOwnership: r.OwnershipControls?.Rules[0]?.ObjectOwnership }));
export type OwnershipFacts = z.output<typeof ownershipControlsSchema>;

export const listObjectsPageSchema = z
  .object({
    Contents: z
      .array(
        z.object({
          Key: z.string(),
          Size: z.number().nonnegative().catch(0),
          StorageClass: optionalString,
        }),
      )
      .optional()
      .catch(undefined),
    CommonPrefixes: z
      .array(z.object({ Prefix: z.string() }))
      .optional()
      .catch(undefined),
    IsTruncated: z.boolean().optional().catch(undefined),
    NextContinuationToken: optionalString,
  })
  .transform((r) => ({
    objects: (r.Contents ?? []).map((o) => ({
      key: o.Key,
      size: o.Size,
      storageClass: o.StorageClass ?? "STANDARD",
    })),
    commonPrefixes: (r.CommonPrefixes ?? []).map((p) => p.Prefix),
    nextToken: r.IsTruncated ? r.NextContinuationToken : undefined,
  }));
export type ListObjectsPage = z.output<typeof listObjectsPageSchema>;
export type ListedObject = ListObjectsPage["objects"][number];

export const headObjectSchema = z
  .object({
    ServerSideEncryption: optionalString,
    SSEKMSKeyId: optionalString,
    StorageClass: optionalString,
    ArchiveStatus: optionalString,
  })
  .transform((r) => ({
    serverSideEncryption: r.ServerSideEncryption,
    kmsKeyId: r.SSEKMSKeyId,
    storageClass: r.StorageClass ?? "STANDARD",
    archiveStatus: r.ArchiveStatus,
  }));
export type HeadObjectFacts = z.output<typeof headObjectSchema> & { key: string };

export const getRoleSchema = z
  .object({
    Role: z.object({
      Arn: z.string().min(1),
      RoleName: z.string().min(1),
      AssumeRolePolicyDocument: optionalString,
    }),
  })
  .transform((r) => ({
    arn: r.Role.Arn,
    name: r.Role.RoleName,
    trustPolicy: r.Role.AssumeRolePolicyDocument
      ? parsePolicyText(r.Role.AssumeRolePolicyDocument)
      : null,
  }));
export type RoleFacts = z.output<typeof getRoleSchema>;

export const EVAL_DECISIONS = ["allowed", "explicitDeny", "implicitDeny"] as const;

export const simulationSchema = z
  .object({
    EvaluationResults: z
      .array(
        z.object({
          EvalActionName: z.string(),
          EvalResourceName: optionalString,
          EvalDecision: z.string(),
          MatchedStatements: z
            .array(z.object({ SourcePolicyId: optionalString }))
            .optional()
            .catch(undefined),
          MissingContextValues: z.array(z.string()).optional().catch(undefined),
        }),
      )
      .catch([]),
  })
  .transform((r) =>
    r.EvaluationResults.map((e) => ({
      action: e.EvalActionName,
      resource: e.EvalResourceName,
      decision: e.EvalDecision,
      matchedPolicies: (e.MatchedStatements ?? []).flatMap((m) =>
        m.SourcePolicyId ? [m.SourcePolicyId] : [],
      ),
      missingContext: e.MissingContextValues ?? [],
    })),
  );
export type SimulationResult = z.output<typeof simulationSchema>[number];

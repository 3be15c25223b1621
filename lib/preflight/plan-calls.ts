// The IAM and CloudTrail-imports parts of the preflight's call plan, and the types and limits
// the whole plan shares. plan.ts assembles them with the S3 calls.
import { parseEventDataStoreArn } from "@/lib/schemas/import";
import type { PreflightCheckId, PreflightRequest } from "@/lib/schemas/preflight";
import { DISCOVERY_LIMITS, type RegionRoot } from "./day-prefixes";
import { ONGOING_STATUSES } from "./ongoing";

export const PREFLIGHT_LIMITS = {
  ...DISCOVERY_LIMITS,
  /** ListObjectsV2 pages (1,000 keys each) over all Region folders; each folder gets an equal share. */
  listPagesTotal: 120,
  listPagesPerRoot: 10,
  /** Files HEADed and downloaded to measure encryption, archive tier and compression. */
  samples: 4,
  kmsKeys: 2,
  /** ListImports pages of imports into the destination, and GetImport calls on them. */
  destinationImportPages: 2,
  destinationImportDetails: 20,
  /** Recent completed imports read to learn the import speed. */
  historyImports: 10,
  simulationPages: 2,
} as const;

export type PlannedService = "sts" | "cloudtrail" | "organizations" | "s3" | "iam";

export interface PlannedCall {
  service: PlannedService;
  operation: string;
  /** The client's Region; IAM, STS and Organizations are global and use the SDK's default. */
  region?: string;
  params: Record<string, unknown>;
  /** Most calls this entry can make (pages, or one per item). */
  maxCalls: number;
  /** What the app's identity needs; absent for calls every identity may make. */
  permission?: string;
  feeds: (PreflightCheckId | "estimate")[];
  /** When the call is made only in some cases. */
  when?: string;
}

export interface PlanContext {
  /** Regions the app reads imports from (ongoing imports are looked for in each). */
  regions: readonly string[];
  /** From GetCallerIdentity; IAM can read and simulate only roles in this account. */
  callerAccountId?: string;
  /** From GetEventDataStore. */
  organizationStore?: boolean;
  /** From discovery; until known, listing is bounded by the limits. */
  roots?: readonly RegionRoot[];
  sampleKeys?: readonly string[];
  kmsKeys?: readonly string[];
  now: Date;
}

function sourceContext(storeArn: string) {
  const account = parseEventDataStoreArn(storeArn)?.accountId ?? "";
  return [
    { ContextKeyName: "aws:SourceArn", ContextKeyValues: [storeArn], ContextKeyType: "string" },
    { ContextKeyName: "aws:SourceAccount", ContextKeyValues: [account], ContextKeyType: "string" },
  ];
}

/** GetRole, the S3 simulation and one kms:Decrypt simulation per key found on sampled files. */
export function roleCalls(
  request: PreflightRequest,
  kmsKeys: readonly string[] | undefined,
  bucketArn: string,
  objectArn: string,
  prefix: string,
): PlannedCall[] {
  const L = PREFLIGHT_LIMITS;
  const storeArn = request.destination;
  const calls: PlannedCall[] = [];
  calls.push(
    {
      service: "iam",
      operation: "GetRole",
      params: { RoleName: request.roleArn.slice(request.roleArn.lastIndexOf("/") + 1) },
      maxCalls: 1,
      permission: "iam:GetRole",
      feeds: ["role-trust"],
    },
    {
      service: "iam",
      operation: "SimulatePrincipalPolicy",
      params: {
        PolicySourceArn: request.roleArn,
        ActionNames: ["s3:ListBucket", "s3:GetBucketAcl", "s3:GetObject"],
        ResourceArns: [bucketArn, objectArn],
        ContextEntries: [
          ...sourceContext(storeArn),
          { ContextKeyName: "s3:prefix", ContextKeyValues: [prefix], ContextKeyType: "string" },
        ],
      },
      maxCalls: L.simulationPages,
      permission: "iam:SimulatePrincipalPolicy",
      feeds: ["role-permissions"],
    },
  );
  const keys =
    kmsKeys ??
    Array.from({ length: L.kmsKeys }, (_, i) => `<KMS key ${i + 1} found on sampled files>`);
  for (const key of keys.slice(0, L.kmsKeys)) {
    calls.push({
      service: "iam",
      operation: "SimulatePrincipalPolicy",
      params: {
        PolicySourceArn: request.roleArn,
        ActionNames: ["kms:Decrypt"],
        ResourceArns: [key],
        ContextEntries: [
          ...sourceContext(storeArn),
          {
            ContextKeyName: "kms:EncryptionContext:aws:s3:arn",
            ContextKeyValues: [objectArn],
            ContextKeyType: "string",
          },
        ],
      },
      maxCalls: 1,
      permission: "iam:SimulatePrincipalPolicy",
      feeds: ["encryption"],
      when: "a sampled file is SSE-KMS encrypted",
    });
  }
  return calls;
}

/** Ongoing imports in every Region, imports into the store, and recent completed ones. */
export function importCalls(
  storeArn: string,
  storeRegion: string,
  regions: readonly string[],
): PlannedCall[] {
  const L = PREFLIGHT_LIMITS;
  const calls: PlannedCall[] = [];
  for (const region of regions.includes(storeRegion) ? regions : [storeRegion, ...regions]) {
    for (const ImportStatus of ONGOING_STATUSES) {
      calls.push({
        service: "cloudtrail",
        operation: "ListImports",
        region,
        params: { ImportStatus, MaxResults: 1000 },
        maxCalls: 1,
        permission: "cloudtrail:ListImports",
        feeds: ["ongoing"],
      });
    }
  }
  calls.push(
    {
      service: "cloudtrail",
      operation: "ListImports",
      region: storeRegion,
      params: { Destination: storeArn, MaxResults: 1000 },
      maxCalls: L.destinationImportPages,
      permission: "cloudtrail:ListImports",
      feeds: ["overlap"],
    },
    {
      service: "cloudtrail",
      operation: "GetImport",
      region: storeRegion,
      params: {
        ImportId: "<each completed, stopped or failed import into the store, newest first>",
      },
      maxCalls: L.destinationImportDetails,
      permission: "cloudtrail:GetImport",
      feeds: ["overlap"],
    },
    {
      service: "cloudtrail",
      operation: "ListImports",
      region: storeRegion,
      params: { ImportStatus: "COMPLETED", MaxResults: L.historyImports },
      maxCalls: 1,
      permission: "cloudtrail:ListImports",
      feeds: ["estimate"],
    },
    {
      service: "cloudtrail",
      operation: "GetImport",
      region: storeRegion,
      params: { ImportId: "<each of those not already read>" },
      maxCalls: L.historyImports,
      permission: "cloudtrail:GetImport",
      feeds: ["estimate"],
    },
  );
  return calls;
}

// Every AWS call a preflight makes, with parameters and a ceiling, so the gatherer can be wired
// call by call and a test can hold the total down. Calls that depend on earlier replies (Region
// folders, sampled keys, KMS keys) are exact once those are known, and bounded before.
import { splitS3Uri } from "@/lib/imports/policies";
import { parseEventDataStoreArn, partitionOfRegion } from "@/lib/schemas/import";
import type { PreflightCheckId, PreflightRequest } from "@/lib/schemas/preflight";
import {
  DISCOVERY_LIMITS,
  normalizePrefix,
  rangeListing,
  resolvePrefix,
  type RegionRoot,
} from "./day-prefixes";
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

/** Whether IAM calls about the role can be made from the app's account. */
export function roleIsReadable(roleArn: string, callerAccountId: string | undefined): boolean {
  return callerAccountId === undefined || roleArn.split(":")[4] === callerAccountId;
}

/** Pages each Region folder may use, so all folders together stay within the total. */
export function pagesPerRoot(roots: number): number {
  if (roots === 0) return 0;
  return Math.max(
    1,
    Math.min(
      PREFLIGHT_LIMITS.listPagesPerRoot,
      Math.floor(PREFLIGHT_LIMITS.listPagesTotal / roots),
    ),
  );
}

function sourceContext(storeArn: string) {
  const account = parseEventDataStoreArn(storeArn)?.accountId ?? "";
  return [
    { ContextKeyName: "aws:SourceArn", ContextKeyValues: [storeArn], ContextKeyType: "string" },
    { ContextKeyName: "aws:SourceAccount", ContextKeyValues: [account], ContextKeyType: "string" },
  ];
}

/** The calls for `request`, in the order the gatherer makes them, and their total ceiling. */
export function planPreflight(
  request: PreflightRequest,
  context: PlanContext,
): { calls: PlannedCall[]; maxCalls: number } {
  const L = PREFLIGHT_LIMITS;
  const storeArn = request.destination;
  const storeRegion = parseEventDataStoreArn(storeArn)?.region ?? context.regions[0] ?? "us-east-1";
  const { bucket, prefix } = splitS3Uri(request.s3Uri);
  const s3 = { service: "s3" as const, region: request.bucketRegion };
  const bucketArn = `arn:${partitionOfRegion(storeRegion)}:s3:::${bucket}`;
  const objectArn = `${bucketArn}/${context.sampleKeys?.[0] ?? `${normalizePrefix(prefix)}<first listed log file>`}`;
  const range = { start: request.startTime, end: request.endTime };
  const readable = roleIsReadable(request.roleArn, context.callerAccountId);
  const calls: PlannedCall[] = [
    {
      service: "sts",
      operation: "GetCallerIdentity",
      params: {},
      maxCalls: 1,
      feeds: ["destination", "role-trust", "role-permissions"],
    },
    {
      service: "cloudtrail",
      operation: "GetEventDataStore",
      region: storeRegion,
      params: { EventDataStore: storeArn },
      maxCalls: 1,
      permission: "cloudtrail:GetEventDataStore",
      feeds: ["destination", "retention", "overlap", "estimate"],
    },
  ];
  if (context.organizationStore !== false) {
    calls.push({
      service: "organizations",
      operation: "DescribeOrganization",
      params: {},
      maxCalls: 1,
      permission: "organizations:DescribeOrganization",
      feeds: ["destination"],
      when: "the store is an organisation store",
    });
  }
  calls.push(
    {
      ...s3,
      operation: "HeadBucket",
      params: { Bucket: bucket },
      maxCalls: 1,
      permission: "s3:ListBucket",
      feeds: ["bucket-region"],
    },
    {
      ...s3,
      operation: "GetBucketOwnershipControls",
      params: { Bucket: bucket },
      maxCalls: 1,
      permission: "s3:GetBucketOwnershipControls",
      feeds: ["object-ownership"],
    },
    {
      ...s3,
      operation: "GetBucketPolicy",
      params: { Bucket: bucket },
      maxCalls: 1,
      permission: "s3:GetBucketPolicy",
      feeds: ["role-permissions"],
    },
  );
  const first = resolvePrefix(prefix);
  if (first.kind === "list" && !context.roots) {
    calls.push({
      ...s3,
      operation: "ListObjectsV2",
      params: { Bucket: bucket, Prefix: first.prefix, Delimiter: "/" },
      maxCalls: L.maxListings,
      permission: "s3:ListBucket",
      feeds: ["log-files"],
      when: "walking down to the Region folders (this prefix first, then each organisation and account found)",
    });
  }
  const roots = context.roots ?? (first.kind === "root" ? [first.root] : undefined);
  if (roots) {
    const pages = pagesPerRoot(roots.length);
    for (const root of roots) {
      const { Prefix, StartAfter } = rangeListing(root, range, context.now);
      calls.push({
        ...s3,
        operation: "ListObjectsV2",
        params: { Bucket: bucket, Prefix, ...(StartAfter ? { StartAfter } : {}) },
        maxCalls: pages,
        permission: "s3:ListBucket",
        feeds: ["log-files", "file-kinds", "estimate"],
      });
    }
  } else {
    calls.push({
      ...s3,
      operation: "ListObjectsV2",
      params: {
        Bucket: bucket,
        Prefix: "<each Region folder>",
        StartAfter: "<Region folder>YYYY/MM/DD of the start",
      },
      maxCalls: L.listPagesTotal,
      permission: "s3:ListBucket",
      feeds: ["log-files", "file-kinds", "estimate"],
      when: "once per Region folder found",
    });
  }
  const samples =
    context.sampleKeys ??
    Array.from({ length: L.samples }, (_, i) => `<sampled log file ${i + 1}>`);
  for (const operation of ["HeadObject", "GetObject"]) {
    for (const Key of samples.slice(0, L.samples)) {
      calls.push({
        ...s3,
        operation,
        params: { Bucket: bucket, Key },
        maxCalls: 1,
        permission: "s3:GetObject",
        feeds: operation === "HeadObject" ? ["encryption", "file-kinds"] : ["estimate"],
      });
    }
  }
  if (readable) {
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
      context.kmsKeys ??
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
  }
  for (const region of context.regions.includes(storeRegion)
    ? context.regions
    : [storeRegion, ...context.regions]) {
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
  return { calls, maxCalls: calls.reduce((n, c) => n + c.maxCalls, 0) };
}

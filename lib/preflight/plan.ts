// Every AWS call a preflight makes, with parameters and a ceiling, so the gatherer can be wired
// call by call and a test can hold the total down. Calls that depend on earlier replies (Region
// folders, sampled keys, KMS keys) are exact once those are known, and bounded before.
import { splitS3Uri } from "@/lib/imports/policies";
import { parseEventDataStoreArn, partitionOfRegion } from "@/lib/schemas/import";
import type { PreflightRequest } from "@/lib/schemas/preflight";
import { normalizePrefix, rangeListing, resolvePrefix } from "./day-prefixes";
import {
  importCalls,
  PREFLIGHT_LIMITS,
  roleCalls,
  type PlanContext,
  type PlannedCall,
} from "./plan-calls";

export {
  PREFLIGHT_LIMITS,
  type PlanContext,
  type PlannedCall,
  type PlannedService,
} from "./plan-calls";

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
  if (readable) calls.push(...roleCalls(request, context.kmsKeys, bucketArn, objectArn, prefix));
  calls.push(...importCalls(storeArn, storeRegion, context.regions));
  return { calls, maxCalls: calls.reduce((n, c) => n + c.maxCalls, 0) };
}

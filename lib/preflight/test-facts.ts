// Facts for the preflight unit tests: a clean source where every check passes, from which each
// test changes one thing (the same cases the local world demonstrates). Test-only.
import { generateImportPolicies } from "@/lib/imports/policies";
import {
  parsePolicyText,
  type ListObjectsPage,
  type SimulationResult,
} from "@/lib/schemas/preflight-facts";
import { rangeListing, resolvePrefix, type RegionRoot } from "./day-prefixes";
import { fetched, type StoreFacts } from "./facts";
import { addPage, emptyRegionTally, type RegionTally } from "./listing";
import type { SourceListing } from "./log-files";

export const ACCOUNT = "111122223333";
export const STORE_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;
export const OTHER_STORE_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/OTHER-0000`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/CloudTrailImportRole`;
export const BUCKET = "trail-logs";
export const S3_URI = `s3://${BUCKET}/AWSLogs/${ACCOUNT}/CloudTrail/`;
export const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const NOW = new Date("2026-03-01T12:00:00Z");
export const RANGE = {
  start: new Date("2026-02-01T00:00:00Z"),
  end: new Date("2026-02-07T23:59:59Z"),
};
export const POLICY_INPUTS = { storeArn: STORE_ARN, s3Uri: S3_URI, roleArn: ROLE_ARN };

export const CLEAN_STORE: StoreFacts = {
  arn: STORE_ARN,
  region: "us-east-1",
  accountId: ACCOUNT,
  status: "ENABLED",
  category: "cloudtrail",
  eventCategories: ["Management"],
  organizationEnabled: false,
  retentionPeriodDays: 366,
  billingMode: "EXTENDABLE_RETENTION_PRICING",
  createdAt: "2026-02-20T00:00:00Z",
};

/** A CloudTrail log key as a trail writes it. */
export function logKey(
  region: string,
  at: Date,
  unique = "a1B2c3D4e5F6g7H8",
  root = `AWSLogs/${ACCOUNT}/CloudTrail/${region}/`,
): string {
  const day = at.toISOString().slice(0, 10).replaceAll("-", "/");
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, "") + "Z";
  return `${root}${day}/${ACCOUNT}_CloudTrail_${region}_${stamp}_${unique}.json.gz`;
}

/** Two log files a day for each day of the range, in `region`. */
export function dailyObjects(
  region: string,
  days = 7,
  skip: number[] = [],
): ListObjectsPage["objects"] {
  return Array.from({ length: days }, (_, d) => d)
    .filter((d) => !skip.includes(d))
    .flatMap((d) =>
      [3, 15].map((hour) => ({
        key: logKey(region, new Date(Date.UTC(2026, 1, 1 + d, hour, 5))),
        size: 2048,
        storageClass: "STANDARD",
      })),
    );
}

/** The Region folder a prefix names; throws when it names none. */
export function regionRoot(prefix: string): RegionRoot {
  const step = resolvePrefix(prefix);
  if (step.kind !== "root") throw new Error(`${prefix} is not inside a Region folder`);
  return step.root;
}

/** Tallies one Region folder from pages of objects, as the gatherer would. */
export function tallyOf(
  objects: ListObjectsPage["objects"],
  region = "us-east-1",
  root?: RegionRoot,
): RegionTally {
  const folder = root ?? regionRoot(`AWSLogs/${ACCOUNT}/CloudTrail/${region}/`);
  const tally = emptyRegionTally(folder);
  addPage(tally, rangeListing(folder, RANGE, NOW), {
    objects,
    commonPrefixes: [],
    nextToken: undefined,
  });
  return tally;
}

export function listingOf(...tallies: RegionTally[]) {
  return fetched<SourceListing>({ tallies, discoveryTruncated: false });
}

export const CLEAN_LISTING = listingOf(
  tallyOf(dailyObjects("us-east-1")),
  tallyOf(dailyObjects("eu-west-1"), "eu-west-1"),
);

/** GetRole's value for a role whose trust policy is `trust` (JSON text, URL-encoded as IAM sends it). */
export function roleWithTrust(trust: string) {
  return fetched({
    arn: ROLE_ARN,
    name: "CloudTrailImportRole",
    trustPolicy: parsePolicyText(encodeURIComponent(trust)),
  });
}

export const CLEAN_ROLE = roleWithTrust(generateImportPolicies(POLICY_INPUTS).trustPolicy);

export const OBJECT_ARN = `arn:aws:s3:::${BUCKET}/${logKey("us-east-1", new Date("2026-02-01T03:05:00Z"))}`;

/** SimulatePrincipalPolicy results with every S3 action allowed, except `denied`. */
export function simulation(
  denied: Record<string, "implicitDeny" | "explicitDeny"> = {},
): SimulationResult[] {
  return [
    ["s3:ListBucket", `arn:aws:s3:::${BUCKET}`],
    ["s3:GetBucketAcl", `arn:aws:s3:::${BUCKET}`],
    ["s3:GetObject", OBJECT_ARN],
  ].map(([action = "", resource]) => ({
    action,
    resource,
    decision: denied[action] ?? "allowed",
    matchedPolicies: denied[action] === "explicitDeny" ? ["DenyReads"] : ["CloudTrailLakeImport"],
    missingContext: [],
  }));
}

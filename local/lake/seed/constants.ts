// The demo world every local run starts from. Tests, README and the app's local configuration
// use these names; change them here only.

export const DEMO_ACCOUNT_ID = "111122223333";
export const DEMO_ORG_ID = "o-a1b2c3d4e5";
export const DEMO_ORG_EMAIL = "aws-management@example.test";
export const DEMO_REGIONS = ["us-east-1", "eu-west-1"] as const;
/** The Region a request falls back to when its signature names none. */
export const DEFAULT_REGION = "us-east-1";

/** ~60 days of logs in two Regions, with three corrupt files. */
export const DEMO_BUCKET = "trail-imports-demo-logs";
export const DEMO_BUCKET_URI = `s3://${DEMO_BUCKET}/`;
/** The usual import source: the trail's CloudTrail/ prefix for the demo account. */
export const DEMO_TRAIL_URI = `s3://${DEMO_BUCKET}/AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/`;
export const DEMO_BUCKET_DAYS = 60;
export const DEMO_BUCKET_CORRUPT = 3;

/** ~3 days in one Region with exactly one corrupt file: the fail → fix → retry scenario. */
export const E2E_BUCKET = "trail-imports-e2e-logs";
export const E2E_BUCKET_URI = `s3://${E2E_BUCKET}/`;
export const E2E_TRAIL_URI = `s3://${E2E_BUCKET}/AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/`;
export const E2E_BUCKET_DAYS = 3;
export const E2E_BUCKET_REGION = "us-east-1";

/** The demo and e2e buckets live in us-east-1. */
export const BUCKET_REGION = "us-east-1";

/** Preflight cases (seed/buckets.ts describes each bucket and prefix). */
export const EU_BUCKET = "trail-imports-eu-logs";
export const EU_BUCKET_REGION = "eu-west-1";
export const ACL_BUCKET = "trail-imports-acl-logs";
export const PARTNER_ACCOUNT_ID = "444455556666";
export const PARTNER_BUCKET = "trail-imports-partner-logs";
/** In the demo bucket: logs a lifecycle rule moved to archive classes, and decompressed copies. */
export const ARCHIVE_PREFIX = `archive/AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/`;
/** In the demo bucket: logs written with SSE-KMS under the demo key. */
export const KMS_PREFIX = `kms/AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/`;
export const DEMO_KMS_KEY_ARN = `arn:aws:kms:us-east-1:${DEMO_ACCOUNT_ID}:key/7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f`;
/** Days (counted back from the seed's end, 1 = the last day) with no logs in the demo trail. */
export const DEMO_GAP_DAYS: readonly number[] = [20, 21, 22];

/** The S3 access role CloudTrail can assume: imports with it read the bucket. */
export const IMPORT_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/CloudTrailLakeImport`;
/** A role CloudTrail cannot use (its trust policy names EC2): imports with it end FAILED with AccessDenied. */
export const DENIED_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/CloudTrailLakeImportDenied`;
/** Trusts CloudTrail only for the org store (aws:SourceArn), so imports into other stores are denied. */
export const OTHER_STORE_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/CloudTrailLakeImportOrgStore`;
/** Trusts CloudTrail but may only list the buckets: no s3:GetObject. */
export const NO_GET_OBJECT_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/CloudTrailLakeImportListOnly`;
/** A role in another account the local world knows nothing about. */
export const UNKNOWN_ROLE_ARN = `arn:aws:iam::${PARTNER_ACCOUNT_ID}:role/CloudTrailLakeImport`;
/** The role the app assumes per signed-in user (AWS_PER_USER_ROLE_ARN in .env.development). */
export const PER_USER_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/trail-imports-user`;

/** Static (long-term) access keys and the IAM users they belong to. */
export const APP_ACCESS_KEY_ID = "AKIALOCALTRAILIMPORTS";
export const STATIC_USERS: Readonly<Record<string, string>> = {
  [APP_ACCESS_KEY_ID]: "trail-imports-app",
  AKIAOPERATOREXAMPLE1: "alice-operator",
};
/** Any other non-temporary key is accepted as this user, so dummy CLI credentials work. */
export const FALLBACK_USER = "local-developer";

export type SeedStore = {
  key: "demo" | "eu" | "org" | "config" | "retired";
  id: string;
  name: string;
  region: string;
  arn: string;
};

function store(key: SeedStore["key"], id: string, name: string, region: string): SeedStore {
  return {
    key,
    id,
    name,
    region,
    arn: `arn:aws:cloudtrail:${region}:${DEMO_ACCOUNT_ID}:eventdatastore/${id}`,
  };
}

/** The seeded event data stores (see seed/stores.ts for their full records). */
export const STORES = {
  demo: store("demo", "6d8e2f5a-3c1b-4e7d-9a2f-1b3c5d7e9f01", "demo-trail-events", "us-east-1"),
  eu: store("eu", "8a1c3e5f-7b9d-4f2a-8c4e-6a8b0c2d4e02", "eu-trail-events", "eu-west-1"),
  org: store("org", "2f4a6c8e-0b1d-4e3f-a5b7-c9d1e3f5a703", "org-trail-events", "us-east-1"),
  config: store("config", "5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d04", "config-items", "us-east-1"),
  retired: store("retired", "9e1a3c5b-7d9f-4b1c-8e3a-5c7e9a1b3d05", "retired-store", "us-east-1"),
} as const satisfies Record<SeedStore["key"], SeedStore>;

/** Default number of past imports seeded over both Regions. */
export const DEFAULT_SEED_IMPORTS = 20;
/** Seed for the demo data's PRNG: the same seed always writes the same buckets. */
export const DEMO_SEED = 20261127;

// The catalogue of API calls in the demo trail, with request/response elements shaped like
// the real records for each API.
import { ALPHABETS, type Rng } from "./prng.ts";

/** A principal as it appears in `userIdentity`. */
export type Identity = { type: "IAMUser" | "AssumedRole"; body: Record<string, unknown> };
/** What an event's request/response builders may draw on. */
export type Ctx = { rng: Rng; accountId: string; region: string; time: Date; identity: Identity };
/** One API call the demo trail can contain. */
export type EventSpec = {
  source: string;
  name: string;
  readOnly: boolean;
  weight: number;
  /** IAM and console sign-in are global: CloudTrail logs them in us-east-1 only. */
  global?: boolean;
  eventType?: string;
  params: (c: Ctx) => Record<string, unknown> | null;
  response?: (c: Ctx) => Record<string, unknown>;
};

/** CloudTrail's time format: ISO 8601 in UTC without milliseconds. */
export const iso = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, "Z");
const hex17 = (rng: Rng): string => rng.chars(17, ALPHABETS.HEX);

/** The demo mix: mostly reads, some writes, a few global (IAM, sign-in) calls. */
export const DEMO_EVENTS: readonly EventSpec[] = [
  {
    source: "s3",
    name: "GetBucketPolicy",
    readOnly: true,
    weight: 6,
    params: (c) => ({
      bucketName: `app-assets-${c.accountId}`,
      Host: `app-assets-${c.accountId}.s3.${c.region}.amazonaws.com`,
      policy: "",
    }),
  },
  {
    source: "s3",
    name: "ListBuckets",
    readOnly: true,
    weight: 4,
    params: (c) => ({ Host: `s3.${c.region}.amazonaws.com` }),
  },
  {
    source: "ec2",
    name: "DescribeInstances",
    readOnly: true,
    weight: 8,
    params: () => ({ instancesSet: {}, filterSet: {} }),
  },
  {
    source: "ec2",
    name: "RunInstances",
    readOnly: false,
    weight: 2,
    params: (c) => ({
      instancesSet: { items: [{ imageId: `ami-${hex17(c.rng)}`, minCount: 1, maxCount: 1 }] },
      instanceType: c.rng.pick(["t3.micro", "t3.small", "m7g.large"]),
    }),
    response: (c) => ({
      requestId: c.rng.uuid(),
      reservationId: `r-${hex17(c.rng)}`,
      ownerId: c.accountId,
      instancesSet: {
        items: [{ instanceId: `i-${hex17(c.rng)}`, instanceState: { code: 0, name: "pending" } }],
      },
    }),
  },
  {
    source: "sts",
    name: "AssumeRole",
    readOnly: true,
    weight: 8,
    params: (c) => ({
      roleArn: `arn:aws:iam::${c.accountId}:role/${c.rng.pick(["ReadOnly", "Deploy", "TrailImportsOperator"])}`,
      roleSessionName: c.rng.pick(["alice", "ci-run", "auditor"]),
      durationSeconds: 3600,
    }),
  },
  {
    source: "kms",
    name: "Decrypt",
    readOnly: true,
    weight: 10,
    params: (c) => ({
      encryptionAlgorithm: "SYMMETRIC_DEFAULT",
      encryptionContext: {
        "aws:s3:arn": `arn:aws:s3:::app-assets-${c.accountId}/reports/${c.rng.chars(8)}.csv`,
      },
    }),
  },
  {
    source: "kms",
    name: "GenerateDataKey",
    readOnly: true,
    weight: 4,
    params: (c) => ({
      keyId: `arn:aws:kms:${c.region}:${c.accountId}:alias/app-data`,
      keySpec: "AES_256",
    }),
  },
  {
    source: "cloudtrail",
    name: "LookupEvents",
    readOnly: true,
    weight: 3,
    params: () => ({ maxResults: 50 }),
  },
  {
    source: "cloudtrail",
    name: "ListImports",
    readOnly: true,
    weight: 2,
    params: () => ({ maxResults: 20 }),
  },
  {
    source: "cloudtrail",
    name: "StartImport",
    readOnly: false,
    weight: 1,
    params: (c) => ({
      destinations: [
        `arn:aws:cloudtrail:${c.region}:${c.accountId}:eventdatastore/${c.rng.uuid()}`,
      ],
      importSource: {
        s3: {
          s3LocationUri: `s3://org-trail-${c.accountId}/AWSLogs/${c.accountId}/CloudTrail/`,
          s3BucketRegion: c.region,
          s3BucketAccessRoleArn: `arn:aws:iam::${c.accountId}:role/CloudTrailLakeImport`,
        },
      },
    }),
    response: (c) => ({
      importId: c.rng.uuid(),
      importStatus: "INITIALIZING",
      createdTimestamp: iso(c.time),
    }),
  },
  {
    source: "iam",
    name: "CreateUser",
    readOnly: false,
    weight: 1,
    global: true,
    params: (c) => ({ userName: `svc-${c.rng.chars(6, ALPHABETS.HEX)}` }),
    response: (c) => ({
      user: {
        path: "/",
        userId: `AIDA${c.rng.chars(17, ALPHABETS.UPPER_ALNUM)}`,
        createDate: iso(c.time),
      },
    }),
  },
  {
    source: "iam",
    name: "AttachRolePolicy",
    readOnly: false,
    weight: 1,
    global: true,
    params: (c) => ({
      roleName: c.rng.pick(["Deploy", "ReadOnly"]),
      policyArn: c.rng.pick([
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      ]),
    }),
  },
  {
    source: "signin",
    name: "ConsoleLogin",
    readOnly: false,
    weight: 2,
    global: true,
    eventType: "AwsConsoleSignIn",
    params: () => null,
    response: () => ({ ConsoleLogin: "Success" }),
  },
];

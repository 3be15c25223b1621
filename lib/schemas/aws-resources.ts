// Names of AWS resources an import refers to. Where the CloudTrail model constrains a field
// (EventDataStoreArn) its rule is used; where it leaves one free (the three S3 source strings),
// the S3 and IAM naming rules. Client-safe: the wizard and the server actions both parse with it.
import { z } from "zod";

/** Regions CloudTrail Lake may live in or read from: commercial, GovCloud and China partitions. */
export const AWS_REGIONS = [
  { code: "us-east-1", name: "US East (N. Virginia)" },
  { code: "us-east-2", name: "US East (Ohio)" },
  { code: "us-west-1", name: "US West (N. California)" },
  { code: "us-west-2", name: "US West (Oregon)" },
  { code: "af-south-1", name: "Africa (Cape Town)" },
  { code: "ap-east-1", name: "Asia Pacific (Hong Kong)" },
  { code: "ap-east-2", name: "Asia Pacific (Taipei)" },
  { code: "ap-south-1", name: "Asia Pacific (Mumbai)" },
  { code: "ap-south-2", name: "Asia Pacific (Hyderabad)" },
  { code: "ap-southeast-1", name: "Asia Pacific (Singapore)" },
  { code: "ap-southeast-2", name: "Asia Pacific (Sydney)" },
  { code: "ap-southeast-3", name: "Asia Pacific (Jakarta)" },
  { code: "ap-southeast-4", name: "Asia Pacific (Melbourne)" },
  { code: "ap-southeast-5", name: "Asia Pacific (Malaysia)" },
  { code: "ap-southeast-6", name: "Asia Pacific (New Zealand)" },
  { code: "ap-southeast-7", name: "Asia Pacific (Thailand)" },
  { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)" },
  { code: "ap-northeast-2", name: "Asia Pacific (Seoul)" },
  { code: "ap-northeast-3", name: "Asia Pacific (Osaka)" },
  { code: "ca-central-1", name: "Canada (Central)" },
  { code: "ca-west-1", name: "Canada West (Calgary)" },
  { code: "eu-central-1", name: "Europe (Frankfurt)" },
  { code: "eu-central-2", name: "Europe (Zurich)" },
  { code: "eu-west-1", name: "Europe (Ireland)" },
  { code: "eu-west-2", name: "Europe (London)" },
  { code: "eu-west-3", name: "Europe (Paris)" },
  { code: "eu-south-1", name: "Europe (Milan)" },
  { code: "eu-south-2", name: "Europe (Spain)" },
  { code: "eu-north-1", name: "Europe (Stockholm)" },
  { code: "il-central-1", name: "Israel (Tel Aviv)" },
  { code: "me-central-1", name: "Middle East (UAE)" },
  { code: "me-south-1", name: "Middle East (Bahrain)" },
  { code: "me-west-1", name: "Middle East (Saudi Arabia)" },
  { code: "mx-central-1", name: "Mexico (Central)" },
  { code: "sa-east-1", name: "South America (São Paulo)" },
  { code: "sa-west-1", name: "South America (Chile)" },
  { code: "us-gov-east-1", name: "AWS GovCloud (US-East)" },
  { code: "us-gov-west-1", name: "AWS GovCloud (US-West)" },
  { code: "cn-north-1", name: "China (Beijing)" },
  { code: "cn-northwest-1", name: "China (Ningxia)" },
] as const;

export type AwsRegionCode = (typeof AWS_REGIONS)[number]["code"];

type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** Which partition a Region belongs to (China and GovCloud Regions are their own partitions). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

// Validated by shape, not against AWS_REGIONS: a Region launched after this list was written must
// not block an import. The list feeds pickers; CloudTrail itself rejects Regions that don't exist.
const REGION = String.raw`[a-z]{2}(?:-[a-z]+)+-\d{1,2}`;
/** The shape of an AWS Region code (`eu-west-1`); the one pattern the app checks Regions with. */
export const AWS_REGION_PATTERN = new RegExp(`^${REGION}$`);
export const awsRegionSchema = z
  .string({ error: "Region is required" })
  .regex(AWS_REGION_PATTERN, "Region must be an AWS Region code such as eu-west-1");

const STORE_ARN = new RegExp(
  String.raw`^arn:(aws|aws-cn|aws-us-gov):cloudtrail:(${REGION}):(\d{12}):eventdatastore\/([A-Za-z0-9._-]+)$`,
);

export interface EventDataStoreArnParts {
  partition: Partition;
  region: string;
  accountId: string;
  id: string;
}

/** Splits an event data store ARN into its parts; `null` when it isn't one. */
export function parseEventDataStoreArn(arn: string): EventDataStoreArnParts | null {
  const match = STORE_ARN.exec(arn);
  if (!match) return null;
  const [, partition, region, accountId, id] = match;
  if (!partition || !region || !accountId || !id) return null;
  return { partition: partition as Partition, region, accountId, id };
}

export const eventDataStoreArnSchema = z
  .string({ error: "Destination event data store is required" })
  .min(3, "Destination event data store ARN must be 3–256 characters")
  .max(256, "Destination event data store ARN must be 3–256 characters")
  .regex(
    /^[a-zA-Z0-9._/\-:]+$/,
    "Destination event data store ARN may contain only letters, digits and . _ / - :",
  )
  .superRefine((arn, ctx) => {
    const parts = parseEventDataStoreArn(arn);
    if (!parts) {
      ctx.addIssue({
        code: "custom",
        message:
          "Destination must be an event data store ARN: arn:aws:cloudtrail:<region>:<12-digit account>:eventdatastore/<id>",
      });
    } else if (partitionOfRegion(parts.region) !== parts.partition) {
      ctx.addIssue({
        code: "custom",
        message: `Destination ARN partition ${parts.partition} doesn't match Region ${parts.region}`,
      });
    }
  });

const IPV4_SHAPED = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** The first S3 bucket-naming rule `bucket` breaks, or `null` when the name is valid. */
export function bucketNameProblem(bucket: string): string | null {
  if (bucket.length < 3 || bucket.length > 63) return "Bucket names are 3–63 characters long";
  if (!/^[a-z0-9.-]+$/.test(bucket))
    return "Bucket names may contain only lower-case letters, digits, dots (.) and hyphens (-)";
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket))
    return "Bucket names must start and end with a letter or digit";
  if (bucket.includes("..")) return "Bucket names must not contain two dots in a row";
  if (IPV4_SHAPED.test(bucket)) return "Bucket names must not look like an IP address";
  const prefix = RESERVED_PREFIXES.find((p) => bucket.startsWith(p));
  if (prefix) return `Bucket names must not start with the reserved prefix ${prefix}`;
  const suffix = RESERVED_SUFFIXES.find((s) => bucket.endsWith(s));
  if (suffix) return `Bucket names must not end with the reserved suffix ${suffix}`;
  return null;
}

export const s3UriSchema = z.string({ error: "S3 URI is required" }).superRefine((uri, ctx) => {
  if (!uri.startsWith("s3://")) {
    ctx.addIssue({
      code: "custom",
      message: "S3 URI must start with s3:// (for example s3://my-trail-bucket/AWSLogs/)",
    });
    return;
  }
  const rest = uri.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = slash === -1 ? "" : rest.slice(slash + 1);
  const problem = bucketNameProblem(bucket);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
  // S3 keys are at most 1024 bytes; control characters can't be typed into the console either.
  if (new TextEncoder().encode(prefix).length > 1024)
    ctx.addIssue({ code: "custom", message: "S3 prefix must be at most 1024 bytes" });
  if ([...prefix].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    ctx.addIssue({ code: "custom", message: "S3 prefix must not contain control characters" });
  }
});

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([^/]*)$/;

export const roleArnSchema = z
  .string({ error: "S3 access role ARN is required" })
  .superRefine((arn, ctx) => {
    const match = ROLE_ARN.exec(arn);
    if (!match) {
      ctx.addIssue({
        code: "custom",
        message:
          "Role ARN must look like arn:aws:iam::<12-digit account>:role/<optional path/><name>",
      });
      return;
    }
    const name = match[2] ?? "";
    if (name.length < 1 || name.length > 64) {
      ctx.addIssue({ code: "custom", message: "Role names are 1–64 characters long" });
    } else if (!/^[\w+=,.@-]+$/.test(name)) {
      ctx.addIssue({
        code: "custom",
        message: "Role names may contain only letters, digits and + = , . @ _ -",
      });
    }
  });

import "server-only";
import {
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
} from "@aws-sdk/client-s3";
import { fetched, notFound, type Fetched } from "@/lib/preflight/facts";
import {
  headBucketSchema,
  ownershipControlsSchema,
  parsePolicyText,
  type BucketFacts,
  type OwnershipFacts,
  type PolicyDocument,
} from "@/lib/schemas/preflight-facts";
import type { Caller } from "../types";
import { s3For } from "./clients";
import { readFailure } from "./failures";

const BUCKET_NOT_FOUND = ["NoSuchBucket", "NotFound"];

export interface BucketReads {
  head: Fetched<BucketFacts>;
  controls: Fetched<OwnershipFacts>;
  policy: Fetched<PolicyDocument | null>;
  /** Where later calls go: the bucket's real Region when HeadBucket told it, else the given one. */
  region: string;
}

function headerOf(error: unknown, name: string): string | undefined {
  const response =
    typeof error === "object" && error !== null
      ? (error as { $response?: { headers?: Record<string, unknown> } }).$response
      : undefined;
  const value = response?.headers?.[name];
  return typeof value === "string" ? value : undefined;
}

/** HeadBucket; S3 names the Region even when it refuses the caller, so a 403 still answers it. */
async function headBucket(caller: Caller, bucket: string, region: string) {
  try {
    const reply = await s3For(caller, region).send(new HeadBucketCommand({ Bucket: bucket }));
    return fetched(headBucketSchema.parse(reply));
  } catch (error) {
    const failure = readFailure(error, "s3:ListBucket", BUCKET_NOT_FOUND);
    const known = headerOf(error, "x-amz-bucket-region");
    return failure.reason === "access-denied" && known ? fetched({ region: known }) : failure;
  }
}

/** HeadBucket, the Object Ownership setting and the bucket policy (a missing one is `null`). */
export async function readBucket(
  caller: Caller,
  bucket: string,
  givenRegion: string,
): Promise<BucketReads> {
  const head = await headBucket(caller, bucket, givenRegion);
  const region = (head.ok ? head.value.region : undefined) ?? givenRegion;
  if (!head.ok && head.reason === "not-found") {
    const missing = notFound("s3:ListBucket", head.code ?? "NoSuchBucket");
    return { head, controls: missing, policy: missing, region };
  }
  const s3 = s3For(caller, region);
  const [controls, policy] = await Promise.all([
    s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })).then(
      (reply) => fetched(ownershipControlsSchema.parse(reply)),
      (error: unknown) =>
        readFailure(error, "s3:GetBucketOwnershipControls", [
          "OwnershipControlsNotFoundError",
          ...BUCKET_NOT_FOUND,
        ]),
    ),
    s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
      (reply): Fetched<PolicyDocument | null> =>
        fetched(reply.Policy ? parsePolicyText(reply.Policy) : null),
      (error: unknown): Fetched<PolicyDocument | null> => {
        const failure = readFailure(error, "s3:GetBucketPolicy", ["NoSuchBucketPolicy"]);
        return failure.reason === "not-found" ? fetched(null) : failure;
      },
    ),
  ]);
  return { head, controls, policy, region };
}

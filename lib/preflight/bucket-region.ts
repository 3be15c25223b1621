// Check 3: the bucket exists and lives in the Region the import names. CloudTrail reads the
// bucket through the Region it is given, so a wrong one fails the import.
import type { CheckResult } from "@/lib/schemas/preflight";
import type { BucketFacts } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { checkResult, couldNotCheck } from "./result";

export interface BucketRegionFacts {
  bucket: string;
  /** The Region the import names (S3BucketRegion). */
  givenRegion: string;
  /** HeadBucket; S3 sends the Region header even with a 403, so the gatherer keeps it then. */
  head: Fetched<BucketFacts>;
}

/** Whether the bucket exists and its real Region equals the given one. */
export function evaluateBucketRegion({
  bucket,
  givenRegion,
  head,
}: BucketRegionFacts): CheckResult {
  if (!head.ok) {
    if (head.reason === "not-found") {
      return checkResult(
        "bucket-region",
        "failure",
        `Bucket ${bucket} doesn't exist. Check the bucket name in the S3 URI.`,
        {
          fix: {
            text: "Correct the S3 URI; the bucket name is the part after s3:// and before the first slash.",
          },
        },
      );
    }
    return couldNotCheck("bucket-region", head, `bucket ${bucket}'s Region`);
  }
  const actual = head.value.region;
  if (!actual) {
    return checkResult(
      "bucket-region",
      "warning",
      `Bucket ${bucket} exists, but S3 didn't say which Region it is in.`,
    );
  }
  if (actual !== givenRegion) {
    return checkResult(
      "bucket-region",
      "failure",
      `Bucket ${bucket} is in ${actual}, not ${givenRegion} as given; CloudTrail would fail to read it.`,
      {
        fix: { text: `Set the bucket Region to ${actual}.` },
        details: [
          { label: "Given Region", value: givenRegion },
          { label: "Bucket's Region", value: actual },
        ],
      },
    );
  }
  return checkResult("bucket-region", "pass", `Bucket ${bucket} exists in ${actual}, as given.`);
}

// The demo data behind each preflight check: a bucket in eu-west-1, one with ACLs on, one in
// another account, and in the demo bucket an archived prefix (Glacier, Deep Archive, Glacier
// Instant Retrieval, and decompressed copies) and an SSE-KMS prefix. seed/buckets.ts holds the
// buckets' settings; this writes their objects and object metadata.
import { readFile, rm } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { bucketObjects } from "../s3/bucket-objects.ts";
import { writeDemoBucket } from "../s3/demo-bucket.ts";
import { writeBucketMeta, type ObjectMeta } from "../s3/object-meta.ts";
import { keyPath } from "../s3/s3-uri.ts";
import { writeFileAtomic } from "../s3/write-log-file.ts";
import {
  ACL_BUCKET,
  ARCHIVE_PREFIX,
  DEMO_ACCOUNT_ID,
  DEMO_BUCKET,
  DEMO_KMS_KEY_ARN,
  DEMO_SEED,
  EU_BUCKET,
  EU_BUCKET_REGION,
  KMS_PREFIX,
  PARTNER_ACCOUNT_ID,
  PARTNER_BUCKET,
} from "./constants.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The archived logs cover days 71–80 before the seed's end, the KMS ones days 41–45. */
export const ARCHIVE_DAYS = { endDaysAgo: 70, days: 10 } as const;
export const KMS_DAYS = { endDaysAgo: 40, days: 5 } as const;
/** Decompressed copies among the archived logs (GLACIER_IR days, so they are readable). */
const UNCOMPRESSED_FILES = 2;

/** Writes the small preflight buckets (each replaced whole). */
export async function writePreflightBuckets(dataDir: string, endMs: number): Promise<void> {
  const endDate = new Date(endMs);
  const small = { days: 3, endDate, corrupt: 0, filesPerDay: 2 };
  await writeDemoBucket(dataDir, {
    ...small,
    bucket: EU_BUCKET,
    accountId: DEMO_ACCOUNT_ID,
    regions: [EU_BUCKET_REGION],
    seed: DEMO_SEED + 2,
  });
  await writeDemoBucket(dataDir, {
    ...small,
    bucket: ACL_BUCKET,
    accountId: DEMO_ACCOUNT_ID,
    regions: ["us-east-1"],
    seed: DEMO_SEED + 3,
  });
  await writeDemoBucket(dataDir, {
    ...small,
    bucket: PARTNER_BUCKET,
    accountId: PARTNER_ACCOUNT_ID,
    regions: ["us-east-1"],
    seed: DEMO_SEED + 4,
  });
}

/** Writes the archived and KMS prefixes into the demo bucket (after the bucket itself) and its metadata. */
export async function writeDemoPrefixes(dataDir: string, endMs: number): Promise<void> {
  const common = {
    bucket: DEMO_BUCKET,
    accountId: DEMO_ACCOUNT_ID,
    regions: ["us-east-1"],
    corrupt: 0,
    filesPerDay: 2,
  };
  await writeDemoBucket(dataDir, {
    ...common,
    keyPrefix: "archive/",
    days: ARCHIVE_DAYS.days,
    endDate: new Date(endMs - ARCHIVE_DAYS.endDaysAgo * DAY_MS),
    seed: DEMO_SEED + 5,
  });
  await writeDemoBucket(dataDir, {
    ...common,
    keyPrefix: "kms/",
    days: KMS_DAYS.days,
    endDate: new Date(endMs - KMS_DAYS.endDaysAgo * DAY_MS),
    seed: DEMO_SEED + 6,
  });
  const objects = await bucketObjects(dataDir, DEMO_BUCKET);
  const meta = new Map<string, ObjectMeta>();
  const archived = objects.filter((o) => o.key.startsWith(ARCHIVE_PREFIX));
  const days = [...new Set(archived.map((o) => o.key.slice(0, o.key.lastIndexOf("/"))))].sort();
  let uncompressed = 0;
  for (const object of archived) {
    const day = days.indexOf(object.key.slice(0, object.key.lastIndexOf("/")));
    // A lifecycle rule: the oldest days went to Deep Archive, then Glacier, the newest 3 to Glacier IR.
    const storageClass =
      day >= days.length - 3 ? "GLACIER_IR" : day < 3 ? "DEEP_ARCHIVE" : "GLACIER";
    let key = object.key;
    if (storageClass === "GLACIER_IR" && uncompressed < UNCOMPRESSED_FILES) {
      // Someone decompressed a few logs in place and uploaded them without the .gz.
      uncompressed += 1;
      key = object.key.replace(/\.gz$/, "");
      await writeFileAtomic(
        keyPath(dataDir, DEMO_BUCKET, key),
        gunzipSync(await readFile(object.path)),
      );
      await rm(object.path);
    }
    meta.set(key, { storageClass, sse: "AES256" });
  }
  for (const object of objects.filter((o) => o.key.startsWith(KMS_PREFIX)))
    meta.set(object.key, { storageClass: "STANDARD", sse: "aws:kms", kmsKeyId: DEMO_KMS_KEY_ARN });
  await writeBucketMeta(dataDir, DEMO_BUCKET, meta);
}

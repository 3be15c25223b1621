// What S3 knows about an object beyond its bytes: storage class and server-side encryption.
// The seed writes it to <dataDir>/s3-meta/<bucket>.json (key → metadata); an object missing
// from that file is STANDARD with SSE-S3, which is what S3 gives every new object.
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isValidBucketName } from "./s3-uri.ts";
import { writeFileAtomic } from "./write-log-file.ts";

export type StorageClass =
  "STANDARD" | "STANDARD_IA" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE" | "INTELLIGENT_TIERING";

export type ObjectMeta = {
  storageClass: StorageClass;
  sse: "AES256" | "aws:kms";
  kmsKeyId?: string;
};

export const DEFAULT_META: ObjectMeta = { storageClass: "STANDARD", sse: "AES256" };

function metaPath(dataDir: string, bucket: string): string {
  if (!isValidBucketName(bucket))
    throw new Error(`Invalid S3 bucket name: ${JSON.stringify(bucket)}`);
  return join(resolve(dataDir), "s3-meta", `${bucket}.json`);
}

/** Metadata of every object of `bucket` that is not STANDARD/SSE-S3. */
export async function readBucketMeta(
  dataDir: string,
  bucket: string,
): Promise<Map<string, ObjectMeta>> {
  try {
    const parsed = JSON.parse(await readFile(metaPath(dataDir, bucket), "utf8")) as Record<
      string,
      ObjectMeta
    >;
    return new Map(Object.entries(parsed));
  } catch {
    return new Map();
  }
}

/** Replaces the bucket's metadata file (an empty map deletes it). */
export async function writeBucketMeta(
  dataDir: string,
  bucket: string,
  meta: ReadonlyMap<string, ObjectMeta>,
): Promise<void> {
  const path = metaPath(dataDir, bucket);
  if (meta.size === 0) return rm(path, { force: true });
  await writeFileAtomic(path, JSON.stringify(Object.fromEntries(meta), null, 1));
}

/** GetObject needs a restore first for these (GLACIER_IR is readable at once). */
export function isArchived(meta: ObjectMeta): boolean {
  return meta.storageClass === "GLACIER" || meta.storageClass === "DEEP_ARCHIVE";
}

// The local Lake keeps its "S3" as folders: s3://bucket/prefix ↔ <dataDir>/s3/bucket/prefix.
// Every name that reaches the file system passes through here, so a crafted URI or key can
// never point outside <dataDir>/s3.
import { join, resolve, sep } from "node:path";

/** A parsed `s3://` location. `prefix` has no leading slash and ends with "/" (or is ""). */
export type S3Location = { bucket: string; prefix: string };

// S3's bucket naming rules (lower case, digits, dots, hyphens; 3–63 chars; no "..").
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
// Control characters and backslashes are legal in real S3 keys, but here they would let a key
// mean something else on disk (Windows separators, NUL truncation), so the local world refuses them.
const UNSAFE_KEY_CHARS_RE = /[\u0000-\u001f\u007f\\]/;

/** True when `name` is a valid S3 bucket name (and therefore a safe single folder name). */
export function isValidBucketName(name: string): boolean {
  return BUCKET_RE.test(name) && !name.includes("..") && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * True when a key (or key prefix) maps to a path below its bucket folder: no empty, "." or ".."
 * segments, no leading slash, no backslashes or control characters. A trailing "/" is allowed.
 */
export function isSafeKey(key: string): boolean {
  if (key === "") return true;
  if (key.startsWith("/") || UNSAFE_KEY_CHARS_RE.test(key)) return false;
  const segments = key.endsWith("/") ? key.slice(0, -1).split("/") : key.split("/");
  return segments.every((s) => s !== "" && s !== "." && s !== "..");
}

/**
 * Parses `s3://bucket`, `s3://bucket/` or `s3://bucket/a/b[/]`.
 * Returns null for anything else, including invalid bucket names and prefixes that could escape
 * the bucket folder (`..`, `.`, `//`, backslashes, control characters).
 */
export function parseS3Uri(uri: string): S3Location | null {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(uri);
  if (!match) return null;
  const bucket = match[1] ?? "";
  const rawPrefix = match[2] ?? "";
  if (!isValidBucketName(bucket) || !isSafeKey(rawPrefix)) return null;
  const prefix = rawPrefix === "" || rawPrefix.endsWith("/") ? rawPrefix : `${rawPrefix}/`;
  return { bucket, prefix };
}

/**
 * The folder that holds `bucket` under `dataDir` (`<dataDir>/s3/<bucket>`, absolute).
 * Throws on an invalid bucket name, which is a caller bug: validate with `parseS3Uri` first.
 */
export function bucketDir(dataDir: string, bucket: string): string {
  if (!isValidBucketName(bucket))
    throw new Error(`Invalid S3 bucket name: ${JSON.stringify(bucket)}`);
  return join(resolve(dataDir), "s3", bucket);
}

/**
 * The file-system path of `key` (an object key or a "/"-terminated prefix) in `bucket`.
 * Throws when the key is unsafe (see `isSafeKey`); the result always lies inside the bucket folder.
 */
export function keyPath(dataDir: string, bucket: string, key: string): string {
  if (!isSafeKey(key)) throw new Error(`Unsafe S3 key: ${JSON.stringify(key)}`);
  const root = bucketDir(dataDir, bucket);
  const path = resolve(root, ...key.split("/").filter((s) => s !== ""));
  // Belt and braces: isSafeKey already rules out every way out of the bucket folder.
  if (path !== root && !path.startsWith(root + sep)) throw new Error("S3 key escapes its bucket");
  return path;
}

// Every object of a bucket folder as S3 lists it: key, size, last-modified time and ETag,
// sorted by key (UTF-8 byte order equals code-unit order for the keys the local world allows).
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { bucketDir } from "./s3-uri.ts";

export type S3Object = { key: string; path: string; size: number; mtimeMs: number };

const TEMP_FILE_RE = /^\..*\.tmp$/;
const etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();

/** All objects of `bucket` (empty when its folder is missing). */
export async function bucketObjects(dataDir: string, bucket: string): Promise<S3Object[]> {
  const root = bucketDir(dataDir, bucket);
  let dirents;
  try {
    dirents = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files = dirents.filter((d) => d.isFile() && !TEMP_FILE_RE.test(d.name));
  const objects = await Promise.all(
    files.map(async (d) => {
      const path = join(d.parentPath, d.name);
      try {
        const s = await stat(path);
        return {
          key: relative(root, path).split(sep).join("/"),
          path,
          size: s.size,
          mtimeMs: s.mtimeMs,
        };
      } catch {
        return null;
      }
    }),
  );
  return objects
    .filter((o): o is S3Object => o !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The object's ETag (MD5 of its bytes, quoted), cached while size and mtime hold. */
export async function etagOf(object: S3Object): Promise<string> {
  const cached = etags.get(object.path);
  if (cached && cached.size === object.size && cached.mtimeMs === object.mtimeMs)
    return cached.etag;
  const etag = `"${createHash("md5")
    .update(await readFile(object.path))
    .digest("hex")}"`;
  etags.set(object.path, { size: object.size, mtimeMs: object.mtimeMs, etag });
  return etag;
}

/** S3's LastModified in listings: ISO 8601 with milliseconds. */
export const isoTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();

// Atomic object writes: a reader (a running import, a listing) sees the old file or the new
// one, never half of one. Temp files are dot-files ending in ".tmp", which listings skip.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

/** Writes `data` to `path` through a temp file and a rename, creating parent folders. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Gzips `text` (deterministically: Node writes no timestamp into the gzip header). */
export async function gzipText(text: string): Promise<Buffer> {
  return gzipAsync(Buffer.from(text, "utf8"));
}

/**
 * Writes a valid CloudTrail log file, gzip-compressed `{"Records":[...]}`, atomically.
 * The emulator's "replace file" admin call and tests use it to repair a corrupt object.
 */
export async function writeLogFile(path: string, records: object[]): Promise<void> {
  await writeFileAtomic(path, await gzipText(JSON.stringify({ Records: records })));
}

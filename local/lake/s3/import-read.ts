// Reads one object the way CloudTrail's import does: objects in an archive storage class cannot
// be read without a restore (S3's InvalidObjectState), everything else goes to readLogFile.
import type { ObjectMeta } from "./object-meta.ts";
import { isArchived } from "./object-meta.ts";
import { readLogFile, type ReadOptions, type ReadResult } from "./read-log-file.ts";

/** The import's read of `path`, whose S3 metadata is `meta` (undefined: STANDARD). */
export async function readForImport(
  path: string,
  meta: ObjectMeta | undefined,
  opts: ReadOptions = {},
): Promise<ReadResult> {
  if (meta && isArchived(meta)) {
    return {
      ok: false,
      errorType: "InvalidObjectState",
      errorMessage: `The object is in the ${meta.storageClass} storage class. Restore it (S3 RestoreObject) before importing it.`,
    };
  }
  return readLogFile(path, opts);
}

// Lists the objects an import would copy, grouped into the "prefixes" CloudTrail counts in
// PrefixesFound/PrefixesCompleted. Names only: no file is opened here, so listing a few
// thousand files costs one recursive readdir plus one stat per kept file.
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { dayFolderInRange, fileStampInRange, isTrailLogKey, type TimeRange } from "./log-key.ts";
import { bucketDir, keyPath, parseS3Uri } from "./s3-uri.ts";

/** One object: its S3 key, where it lives on disk, and its size in bytes. */
export type LogFile = { key: string; path: string; size: number };
/** A folder of objects (key ends with "/"), e.g. `AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01/`. */
export type LogPrefix = { prefix: string; files: LogFile[] };
export type ListResult = { bucketExists: boolean; prefixes: LogPrefix[] };

// writeLogFile's in-flight temp files; never part of a listing.
const TEMP_FILE_RE = /^\..*\.tmp$/;
const STAT_BATCH = 256;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

type Entry = { key: string; path: string };

/** All regular files below `dir` as keys, plus whether any folder below it is named `CloudTrail`. */
async function walk(
  dir: string,
  prefix: string,
): Promise<{ entries: Entry[]; hasTrailFolder: boolean }> {
  let dirents;
  try {
    // Symlinks are neither followed nor listed, so the walk stays inside the bucket folder.
    dirents = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { entries: [], hasTrailFolder: false };
    throw error;
  }
  const entries: Entry[] = [];
  let hasTrailFolder = false;
  for (const dirent of dirents) {
    if (dirent.isDirectory()) {
      if (dirent.name === "CloudTrail") hasTrailFolder = true;
    } else if (dirent.isFile() && !TEMP_FILE_RE.test(dirent.name)) {
      const path = join(dirent.parentPath, dirent.name);
      entries.push({ key: prefix + relative(dir, path).split(sep).join("/"), path });
    }
  }
  return { entries, hasTrailFolder };
}

/**
 * CloudTrail's default rule: a URI at or above a `CloudTrail/` folder reads only trail log
 * files (skipping CloudTrail-Digest, CloudTrail-Insight and other services' folders); a URI that
 * names any other prefix reads every object below it.
 */
function usesTrailRule(prefix: string, hasTrailFolder: boolean): boolean {
  const segments = prefix.split("/").filter((s) => s !== "");
  const at = segments.lastIndexOf("CloudTrail");
  if (at >= 0) return at === segments.length - 1;
  return prefix === "" || hasTrailFolder;
}

async function withSizes(entries: Entry[]): Promise<LogFile[]> {
  const files: LogFile[] = [];
  for (let i = 0; i < entries.length; i += STAT_BATCH) {
    const batch = await Promise.all(
      entries.slice(i, i + STAT_BATCH).map(async ({ key, path }) => {
        try {
          return { key, path, size: (await stat(path)).size };
        } catch {
          return null; // deleted between readdir and stat: it is simply gone
        }
      }),
    );
    for (const file of batch) if (file) files.push(file);
  }
  return files;
}

/**
 * Lists the log files an import of `uri` would read, grouped by parent folder and sorted by key.
 * The date filter works on names only, as CloudTrail's does: folders ending in `YYYY/MM/DD/`
 * whose UTC day lies outside `range` are skipped, and so are files whose `YYYYMMDDTHHmmZ` stamp
 * minute lies outside it (names without a stamp are kept). Folders left empty are omitted.
 * Throws on a URI that `parseS3Uri` rejects; validate it first.
 */
export async function listLogFiles(
  dataDir: string,
  uri: string,
  range: TimeRange,
): Promise<ListResult> {
  const location = parseS3Uri(uri);
  if (!location) throw new Error(`Invalid S3 URI: ${JSON.stringify(uri)}`);
  const { bucket, prefix } = location;
  if (!(await isDirectory(bucketDir(dataDir, bucket))))
    return { bucketExists: false, prefixes: [] };

  const { entries, hasTrailFolder } = await walk(keyPath(dataDir, bucket, prefix), prefix);
  const trailOnly = usesTrailRule(prefix, hasTrailFolder);
  const kept = entries.filter(({ key }) => {
    if (trailOnly && !isTrailLogKey(key)) return false;
    const slash = key.lastIndexOf("/");
    return (
      dayFolderInRange(key.slice(0, slash + 1), range) &&
      fileStampInRange(key.slice(slash + 1), range)
    );
  });

  const groups = new Map<string, LogFile[]>();
  for (const file of await withSizes(kept.sort((a, b) => byString(a.key, b.key)))) {
    const folder = file.key.slice(0, file.key.lastIndexOf("/") + 1);
    const group = groups.get(folder);
    if (group) group.push(file);
    else groups.set(folder, [file]);
  }
  const prefixes = [...groups.keys()]
    .sort(byString)
    .map((folder) => ({ prefix: folder, files: groups.get(folder) ?? [] }));
  return { bucketExists: true, prefixes };
}

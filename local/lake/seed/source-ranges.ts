// The sources seeded imports read: the demo bucket's trail prefix, its eu-west-1 Region folder
// and the whole bucket, each listed once. A seeded import picks one and a time range that ends
// before the import was created, and its files are cut from the listing by the same name-based
// date filter a live import uses, so its statistics match what is really in the bucket.
import type { LogPrefix } from "../s3/list-log-files.ts";
import {
  dayFolderInRange,
  fileNameStamp,
  fileStampInRange,
  type TimeRange,
} from "../s3/log-key.ts";
import type { ReadResult } from "../s3/read-log-file.ts";
import { DEMO_BUCKET, DEMO_BUCKET_URI, DEMO_TRAIL_URI } from "./constants.ts";
import type { Template } from "./simulate.ts";

export type Source = { uri: string; prefixes: LogPrefix[] };
export type Sources = { trail: Source; euRegion: Source; bucket: Source };

export const SOURCE_URIS = {
  trail: DEMO_TRAIL_URI,
  euRegion: `${DEMO_TRAIL_URI}eu-west-1/`,
  bucket: DEMO_BUCKET_URI,
} as const;

/** The files of `source` a range keeps (listLogFiles' filter, applied to a listing in memory). */
export function cut(
  source: Source,
  startMs: number,
  endMs: number,
  results: ReadonlyMap<string, ReadResult>,
): Template {
  const range: TimeRange = { start: new Date(startMs), end: new Date(endMs) };
  const prefixes: LogPrefix[] = [];
  for (const { prefix, files } of source.prefixes) {
    if (!dayFolderInRange(prefix, range)) continue;
    const kept = files.filter((f) =>
      fileStampInRange(f.key.slice(f.key.lastIndexOf("/") + 1), range),
    );
    if (kept.length > 0) prefixes.push({ prefix, files: kept });
  }
  const corrupt = prefixes
    .flatMap((p) => p.files)
    .filter((f) => results.get(f.key)?.ok === false).length;
  return { uri: source.uri, bucket: DEMO_BUCKET, startMs, endMs, prefixes, corrupt };
}

/** Delivery times of the trail's broken files, oldest first. */
export function corruptStamps(source: Source, results: ReadonlyMap<string, ReadResult>): number[] {
  return source.prefixes
    .flatMap((p) => p.files)
    .filter((f) => results.get(f.key)?.ok === false)
    .map((f) => fileNameStamp(f.key.slice(f.key.lastIndexOf("/") + 1)) ?? 0)
    .sort((a, b) => a - b);
}

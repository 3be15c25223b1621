// Computes what an import of a known listing would have recorded after reading its first
// `count` files, so seeded imports carry true statistics, failures and cursors (and a retry of
// a seeded FAILED or STOPPED import behaves exactly like a retry of a live one).
import type { LogPrefix } from "../s3/list-log-files.ts";
import type { ReadResult } from "../s3/read-log-file.ts";
import type { ImportFailure, ImportStats } from "../state/types.ts";

export type Outcome = {
  stats: ImportStats;
  failures: ImportFailure[];
  cursor?: string;
  exhausted: boolean;
};

/** The listing of one seed template and each file's read result. */
export type Template = {
  uri: string;
  bucket: string;
  startMs?: number;
  endMs?: number;
  prefixes: LogPrefix[];
  corrupt: number;
};

/** Replays the first `count` files (all when undefined) of `template`, failures stamped at `at`. */
export function simulate(
  template: Template,
  results: ReadonlyMap<string, ReadResult>,
  at: number,
  count?: number,
): Outcome {
  const stats: ImportStats = {
    prefixesFound: template.prefixes.length,
    prefixesCompleted: 0,
    filesCompleted: 0,
    eventsCompleted: 0,
    failedEntries: 0,
  };
  const failures: ImportFailure[] = [];
  let left = count ?? Number.POSITIVE_INFINITY;
  let cursor: string | undefined;
  for (const { files } of template.prefixes) {
    let done = 0;
    for (const file of files) {
      if (left <= 0) break;
      left -= 1;
      done += 1;
      cursor = file.key;
      const result = results.get(file.key) ?? {
        ok: false,
        errorType: "FileReadError",
        errorMessage: "The file could not be read.",
      };
      if (result.ok) {
        stats.filesCompleted += 1;
        stats.eventsCompleted += result.events;
      } else {
        failures.push({
          key: file.key,
          location: `s3://${template.bucket}/${file.key}`,
          status: "FAILED",
          errorType: result.errorType,
          errorMessage: result.errorMessage,
          updatedMs: at,
        });
      }
    }
    if (done === files.length) stats.prefixesCompleted += 1;
  }
  stats.failedEntries = failures.length;
  const total = template.prefixes.reduce((n, p) => n + p.files.length, 0);
  const exhausted = count === undefined || count >= total;
  return { stats, failures, ...(cursor === undefined ? {} : { cursor }), exhausted };
}

/** Number of files in a template. */
export function fileCount(template: Template): number {
  return template.prefixes.reduce((n, p) => n + p.files.length, 0);
}

// Which files an import (or a retry, or a resume after restart) still has to read: files whose
// failure entry is queued for RETRY, plus files after the cursor unless the import already
// reached the end of its listing. Listing order is key order, so the cursor is a plain key.
import type { LogPrefix } from "../s3/list-log-files.ts";
import type { ImportRecord } from "../state/types.ts";

export type WorkItem = { key: string; path: string; prefix: string };

export type WorkList = {
  items: WorkItem[];
  prefixesFound: number;
  prefixesCompleted: number;
  /** Files still to read per prefix; a prefix is complete when its count reaches 0. */
  remaining: Map<string, number>;
  /** RETRY entries whose file is no longer in the source. */
  vanished: string[];
  /**
   * Prefixes an earlier run already counted in PrefixesCompleted (it read past all their files);
   * finishing their retried files must not count them again.
   */
  counted: Set<string>;
};

/** Builds the work list of `record` from a fresh listing of its source. */
export function buildWorkList(record: ImportRecord, prefixes: readonly LogPrefix[]): WorkList {
  const retryKeys = new Set(
    record.failures.filter((f) => f.status === "RETRY" && f.key !== null).map((f) => f.key ?? ""),
  );
  const items: WorkItem[] = [];
  const remaining = new Map<string, number>();
  const seen = new Set<string>();
  const counted = new Set<string>();
  for (const { prefix, files } of prefixes) {
    let count = 0;
    let fresh = 0;
    for (const file of files) {
      seen.add(file.key);
      const afterCursor =
        !record.exhausted && (record.cursor === undefined || file.key > record.cursor);
      if (afterCursor || retryKeys.has(file.key)) {
        items.push({ key: file.key, path: file.path, prefix });
        count += 1;
        if (afterCursor) fresh += 1;
      }
    }
    if (count > 0) remaining.set(prefix, count);
    if (count > 0 && fresh === 0) counted.add(prefix);
  }
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    items,
    prefixesFound: prefixes.length,
    prefixesCompleted: prefixes.length - remaining.size + counted.size,
    remaining,
    vanished: [...retryKeys].filter((key) => !seen.has(key)),
    counted,
  };
}

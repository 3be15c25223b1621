// The seeded history must look like something that happened: every import was created after
// the end of its event range (and after its newest file was delivered), finished before the
// seed, and its statistics are what an import of the files really in the demo bucket records.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listLogFiles } from "../s3/list-log-files.ts";
import { fileNameStamp } from "../s3/log-key.ts";
import { readForImport } from "../s3/import-read.ts";
import { readBucketMeta } from "../s3/object-meta.ts";
import type { ReadResult } from "../s3/read-log-file.ts";
import { parseS3Uri } from "../s3/s3-uri.ts";
import type { ImportRecord } from "../state/types.ts";
import { seedWorld } from "./seed-world.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function seeded(
  count: number,
): Promise<{ dataDir: string; now: number; imports: ImportRecord[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), "seed-plausible-"));
  dirs.push(dataDir);
  const now = Date.now();
  const state = await seedWorld(dataDir, now, count);
  return { dataDir, now, imports: state.imports };
}

/** Re-reads an import's source the way a live import would and compares its statistics. */
async function checkAgainstBucket(
  dataDir: string,
  record: ImportRecord,
  cache: Map<string, ReadResult>,
): Promise<void> {
  const where = `import ${record.id} (${record.status}, ${record.source.uri})`;
  const bucket = parseS3Uri(record.source.uri)?.bucket ?? "";
  const meta = await readBucketMeta(dataDir, bucket);
  const { prefixes } = await listLogFiles(dataDir, record.source.uri, {
    ...(record.startMs === undefined ? {} : { start: new Date(record.startMs) }),
    ...(record.endMs === undefined ? {} : { end: new Date(record.endMs) }),
  });
  const files = prefixes.flatMap((p) => p.files);
  for (const f of files) {
    const stamp = fileNameStamp(f.key.slice(f.key.lastIndexOf("/") + 1)) ?? 0;
    expect(stamp, `${where}: ${f.key} was delivered after the import was created`).toBeLessThan(
      record.createdMs,
    );
  }
  if (record.failures.some((f) => f.key === null)) {
    expect(record.stats, where).toMatchObject({
      filesCompleted: 0,
      eventsCompleted: 0,
      failedEntries: 1,
    });
    return;
  }
  let ok = 0;
  let events = 0;
  const broken = new Set<string>();
  for (const f of files) {
    let result = cache.get(f.key);
    if (!result) {
      result = await readForImport(f.path, meta.get(f.key));
      cache.set(f.key, result);
    }
    if (result.ok) {
      ok += 1;
      events += result.events;
    } else broken.add(f.key);
  }
  expect(record.stats.prefixesFound, where).toBe(prefixes.length);
  const failedKeys = record.failures.map((f) => f.key ?? "");
  for (const key of failedKeys)
    expect(broken.has(key), `${where}: ${key} is not broken`).toBe(true);
  if (record.status === "STOPPED") {
    expect(record.stats.filesCompleted, where).toBeLessThan(files.length);
    expect(record.stats.eventsCompleted, where).toBeLessThanOrEqual(events);
  } else {
    expect(record.stats, where).toMatchObject({
      filesCompleted: ok,
      eventsCompleted: events,
      failedEntries: broken.size,
    });
    expect(new Set(failedKeys), where).toEqual(broken);
  }
}

function checkTimes(record: ImportRecord, now: number): void {
  const where = `import ${record.id}`;
  expect(record.endMs, `${where} has no end`).toBeDefined();
  expect(record.createdMs, `${where} was created before its range ended`).toBeGreaterThan(
    record.endMs ?? Infinity,
  );
  expect(record.updatedMs, where).toBeGreaterThanOrEqual(record.createdMs);
  expect(record.updatedMs, where).toBeLessThanOrEqual(now);
}

describe("seeded imports are plausible", () => {
  it("with the default 20 imports", async () => {
    const { dataDir, now, imports } = await seeded(20);
    expect(new Set(imports.map((i) => i.status))).toEqual(
      new Set(["COMPLETED", "FAILED", "STOPPED"]),
    );
    const cache = new Map<string, ReadResult>();
    for (const record of imports) {
      checkTimes(record, now);
      await checkAgainstBucket(dataDir, record, cache);
    }
  }, 60_000);

  it("with --imports 10000 (times for all, statistics for every 50th)", async () => {
    const { dataDir, now, imports } = await seeded(10_000);
    expect(imports).toHaveLength(10_000);
    const cache = new Map<string, ReadResult>();
    for (const [i, record] of imports.entries()) {
      checkTimes(record, now);
      if (i % 50 === 0) await checkAgainstBucket(dataDir, record, cache);
    }
  }, 120_000);
});

// Builds the demo world on first start or --reset: both demo buckets (via lake-s3's
// writeDemoBucket), the five stores, `seedImports` past imports with true statistics (each demo
// file is read once), and events for the newest of them.
import { randomBytes } from "node:crypto";
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeDemoBucket } from "../s3/demo-bucket.ts";
import { listLogFiles } from "../s3/list-log-files.ts";
import { readForImport } from "../s3/import-read.ts";
import { readBucketMeta } from "../s3/object-meta.ts";
import type { ReadResult } from "../s3/read-log-file.ts";
import { bucketDir } from "../s3/s3-uri.ts";
import { STATE_FILE } from "../state/persist.ts";
import type { PersistedState } from "../state/types.ts";
import {
  DEMO_ACCOUNT_ID,
  DEMO_BUCKET,
  DEMO_BUCKET_CORRUPT,
  DEMO_BUCKET_DAYS,
  DEMO_BUCKET_URI,
  DEMO_REGIONS,
  DEMO_SEED,
  E2E_BUCKET,
  E2E_BUCKET_DAYS,
  E2E_BUCKET_REGION,
  EU_BUCKET,
  DEMO_GAP_DAYS,
} from "./constants.ts";
import { SEEDED_BUCKETS } from "./buckets.ts";
import { writeDemoPrefixes, writePreflightBuckets } from "./preflight-buckets.ts";
import { planPastImports } from "./past-imports.ts";
import { seedEvents } from "./seed-events.ts";
import { SOURCE_URIS, type Source, type Sources } from "./source-ranges.ts";
import { seedStores } from "./stores.ts";

/** Writes whichever demo bucket is missing (or both with `force`), for the world's end date. */
export async function ensureBuckets(dataDir: string, endMs: number, force: boolean): Promise<void> {
  const exists = (bucket: string): Promise<boolean> =>
    stat(bucketDir(dataDir, bucket)).then(
      (s) => s.isDirectory(),
      () => false,
    );
  const endDate = new Date(endMs);
  if (force || !(await exists(DEMO_BUCKET))) {
    await writeDemoBucket(dataDir, {
      bucket: DEMO_BUCKET,
      accountId: DEMO_ACCOUNT_ID,
      regions: [...DEMO_REGIONS],
      days: DEMO_BUCKET_DAYS,
      endDate,
      corrupt: DEMO_BUCKET_CORRUPT,
      seed: DEMO_SEED,
      gapDays: DEMO_GAP_DAYS,
    });
    await writeDemoPrefixes(dataDir, endMs);
  }
  if (force || !(await exists(E2E_BUCKET))) {
    await writeDemoBucket(dataDir, {
      bucket: E2E_BUCKET,
      accountId: DEMO_ACCOUNT_ID,
      regions: [E2E_BUCKET_REGION],
      days: E2E_BUCKET_DAYS,
      endDate,
      corrupt: 1,
      seed: DEMO_SEED + 1,
    });
  }
  if (force || !(await exists(EU_BUCKET))) await writePreflightBuckets(dataDir, endMs);
}

/** Deletes what the Lake owns in `dataDir` (state file and demo buckets), nothing else. */
export async function resetWorld(dataDir: string): Promise<void> {
  await rm(join(dataDir, STATE_FILE), { force: true });
  for (const bucket of SEEDED_BUCKETS)
    await rm(bucketDir(dataDir, bucket), { recursive: true, force: true });
  await rm(join(dataDir, "s3-meta"), { recursive: true, force: true });
}

async function readAll(dataDir: string): Promise<Map<string, ReadResult>> {
  const { prefixes } = await listLogFiles(dataDir, DEMO_BUCKET_URI, {});
  const files = prefixes.flatMap((p) => p.files);
  const meta = await readBucketMeta(dataDir, DEMO_BUCKET);
  const results = new Map<string, ReadResult>();
  for (let i = 0; i < files.length; i += 32) {
    const batch = files.slice(i, i + 32);
    const read = await Promise.all(batch.map((f) => readForImport(f.path, meta.get(f.key))));
    batch.forEach((f, j) => {
      const result = read[j];
      if (result) results.set(f.key, result);
    });
  }
  return results;
}

async function sources(dataDir: string): Promise<Sources> {
  const list = async (uri: string): Promise<Source> => ({
    uri,
    prefixes: (await listLogFiles(dataDir, uri, {})).prefixes,
  });
  return {
    trail: await list(SOURCE_URIS.trail),
    euRegion: await list(SOURCE_URIS.euRegion),
    bucket: await list(SOURCE_URIS.bucket),
  };
}

/** Seeds a fresh world (buckets are rewritten) and returns its state. */
export async function seedWorld(
  dataDir: string,
  now: number,
  seedImports: number,
): Promise<PersistedState> {
  await ensureBuckets(dataDir, now, true);
  const results = await readAll(dataDir);
  const imports = planPastImports(seedImports, now, await sources(dataDir), results, DEMO_SEED);
  return {
    version: 1,
    seededMs: now,
    seedEndMs: now,
    tokenSecret: randomBytes(24).toString("base64url"),
    stores: seedStores(now),
    imports,
    sessions: [],
    events: seedEvents(imports, DEMO_SEED),
  };
}

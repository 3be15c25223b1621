// Writes the local Lake's demo bucket: a trail's log files for a span of days and regions,
// a few corrupt files spread over the range, and the neighbours (a digest, another service's
// file) that CloudTrail's default prefix rule must skip. Same seed, same bucket, byte for byte.
import { rm, utimes } from "node:fs/promises";
import { makeIdentities, makeRecord } from "./demo-records.ts";
import { corruptContent, neighbourObjects, type CorruptKind } from "./demo-extras.ts";
import { formatDayPath, formatFileStamp } from "./log-key.ts";
import { createRng } from "./prng.ts";
import { bucketDir, keyPath, parseS3Uri } from "./s3-uri.ts";
import { gzipText, writeFileAtomic } from "./write-log-file.ts";

export { writeLogFile } from "./write-log-file.ts";

export type DemoBucketOptions = {
  bucket: string;
  accountId: string;
  regions: string[];
  days: number;
  /** The newest file is stamped at or before this time; the range is the `days` × 24 h before it. */
  endDate: Date;
  /** Log files per region per 24 h (default 4). */
  filesPerDay?: number;
  /** Events per good file, inclusive (default [3, 12]). */
  eventsPerFile?: [number, number];
  /** How many log files to corrupt, cycling through the three corrupt kinds (default 3). */
  corrupt?: number;
  seed?: number;
  /** Written below this key prefix (e.g. "archive/"), replacing only that folder. Default "": the whole bucket. */
  keyPrefix?: string;
  /** Days with no log files, counted back from `endDate` (1 = the last day). */
  gapDays?: readonly number[];
};

export type DemoBucketResult = {
  bucket: string;
  /** The trail's usual import URI, `s3://<bucket>/AWSLogs/<account>/CloudTrail/`. */
  uri: string;
  /** Keys of the log files whose content is broken (readLogFile reports them as not ok). */
  corruptKeys: string[];
  /** Log files under the trail's day folders, corrupt ones included (digest/other service excluded). */
  files: number;
  /** Events in the good log files. */
  events: number;
};

type Planned = { key: string; stamp: number; records: Record<string, unknown>[] };
type PlanOptions = DemoBucketOptions & { keyPrefix: string; gapDays: readonly number[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const CORRUPT_KINDS: readonly CorruptKind[] = ["plain-json", "gzip-not-json", "gzip-no-records"];
const WRITE_CONCURRENCY = 32;

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`writeDemoBucket: ${message}`);
}

function validate(
  o: DemoBucketOptions,
  perDay: number,
  events: [number, number],
  corrupt: number,
): void {
  check(parseS3Uri(`s3://${o.bucket}`) !== null, `invalid bucket name ${JSON.stringify(o.bucket)}`);
  check(/^\d{12}$/.test(o.accountId), "accountId must be 12 digits");
  check(
    o.regions.length > 0 && o.regions.every((r) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)),
    "regions must be AWS Region codes",
  );
  check(Number.isInteger(o.days) && o.days >= 1, "days must be a whole number ≥ 1");
  check(Number.isFinite(o.endDate.getTime()), "endDate must be a valid date");
  check(Number.isInteger(perDay) && perDay >= 1, "filesPerDay must be a whole number ≥ 1");
  check(
    Number.isInteger(events[0]) && events[0] >= 0 && events[1] >= events[0],
    "eventsPerFile must be [min, max] with 0 ≤ min ≤ max",
  );
  check(Number.isInteger(corrupt) && corrupt >= 0, "corrupt must be a whole number ≥ 0");
}

/** Plans every trail log file in a fixed order, so the PRNG sequence (and the bucket) depends only on the options. */
function planLogFiles(
  o: PlanOptions,
  perDay: number,
  [minEvents, maxEvents]: [number, number],
  seed: number,
): Planned[] {
  const rng = createRng(seed);
  const identities = makeIdentities(rng, o.accountId);
  const end = Math.floor(o.endDate.getTime() / MINUTE_MS) * MINUTE_MS;
  const planned: Planned[] = [];
  for (const region of o.regions) {
    for (let day = 0; day < o.days; day++) {
      const windowStart = end - (o.days - day) * DAY_MS;
      const stamps = Array.from(
        { length: perDay },
        () => windowStart + MINUTE_MS * (1 + Math.floor(rng.next() * (DAY_MS / MINUTE_MS))),
      );
      for (const stamp of stamps.sort((a, b) => a - b)) {
        const at = new Date(stamp);
        const name = `${o.accountId}_CloudTrail_${region}_${formatFileStamp(at)}_${rng.chars(16)}.json.gz`;
        const key = `${o.keyPrefix}AWSLogs/${o.accountId}/CloudTrail/${region}/${formatDayPath(at)}/${name}`;
        // Events happen in the delivery hour, up to the delivery minute.
        const hourStart = Math.floor(stamp / HOUR_MS) * HOUR_MS;
        const times = Array.from(
          { length: rng.int(minEvents, maxEvents) },
          () => hourStart + 1000 * rng.int(0, (stamp - hourStart) / 1000),
        );
        const records = times
          .sort((a, b) => a - b)
          .map((t) =>
            makeRecord(rng, { accountId: o.accountId, region, time: new Date(t), identities }),
          );
        // The draws above happen for gap days too, so a gap leaves every other file unchanged.
        if (!o.gapDays.includes(o.days - day)) planned.push({ key, stamp, records });
      }
    }
  }
  return planned;
}

/** Evenly spaced picks over the files in time order, so corrupt files turn up across the whole range. */
function pickCorrupt(planned: readonly Planned[], count: number): Map<string, CorruptKind> {
  const byTime = [...planned].sort((a, b) => a.stamp - b.stamp || (a.key < b.key ? -1 : 1));
  const n = Math.min(count, byTime.length);
  const picks = new Map<string, CorruptKind>();
  for (let i = 0; i < n; i++) {
    const file = byTime[Math.floor(((i + 0.5) * byTime.length) / n)];
    const kind = CORRUPT_KINDS[i % CORRUPT_KINDS.length];
    if (file && kind) picks.set(file.key, kind);
  }
  return picks;
}

async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Replaces `<dataDir>/s3/<bucket>` with a deterministic demo trail bucket: ~`filesPerDay` log files
 * per region per day for `days` days up to `endDate`, `corrupt` broken files among them, plus a
 * CloudTrail-Digest file and an AWS Config file that the default prefix rule skips.
 */
export async function writeDemoBucket(
  dataDir: string,
  opts: DemoBucketOptions,
): Promise<DemoBucketResult> {
  const perDay = opts.filesPerDay ?? 4;
  const eventsPerFile = opts.eventsPerFile ?? [3, 12];
  const corrupt = opts.corrupt ?? 3;
  validate(opts, perDay, eventsPerFile, corrupt);

  const keyPrefix = opts.keyPrefix ?? "";
  const planned = planLogFiles(
    { ...opts, keyPrefix, gapDays: opts.gapDays ?? [] },
    perDay,
    eventsPerFile,
    opts.seed ?? 1,
  );
  const corruptKinds = pickCorrupt(planned, corrupt);
  const path = (key: string): string => keyPath(dataDir, opts.bucket, key);
  await rm(keyPrefix === "" ? bucketDir(dataDir, opts.bucket) : path(keyPrefix), {
    recursive: true,
    force: true,
  });

  let events = 0;
  const tasks = planned.map(({ key, stamp, records }) => {
    const kind = corruptKinds.get(key);
    if (!kind) events += records.length;
    return async (): Promise<void> => {
      const body = kind
        ? await corruptContent(kind, records)
        : await gzipText(JSON.stringify({ Records: records }));
      await writeFileAtomic(path(key), body);
      // S3's LastModified is the delivery time, which the file name records.
      const delivered = new Date(stamp);
      await utimes(path(key), delivered, delivered);
    };
  });
  const last = planned.reduce(
    (a, b) => (b.stamp > a.stamp ? b : a),
    planned[0] ?? { stamp: opts.endDate.getTime() },
  );
  const neighbours =
    keyPrefix === ""
      ? await neighbourObjects({
          bucket: opts.bucket,
          accountId: opts.accountId,
          region: opts.regions[0] ?? "us-east-1",
          time: new Date(last.stamp),
          logKeys: planned.map((p) => p.key),
        })
      : [];
  for (const { key, body } of neighbours) tasks.push(() => writeFileAtomic(path(key), body));
  await runLimited(tasks, WRITE_CONCURRENCY);

  return {
    bucket: opts.bucket,
    uri: `s3://${opts.bucket}/${keyPrefix}AWSLogs/${opts.accountId}/CloudTrail/`,
    corruptKeys: [...corruptKinds.keys()].sort(),
    files: planned.length,
    events,
  };
}

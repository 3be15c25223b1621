// Sorting listed keys into what CloudTrail will copy and what it will skip or fail on, and
// counting files and bytes per Region and day. Names and storage classes only: nothing is read.
import type { ListObjectsPage } from "@/lib/schemas/preflight-facts";
import { dayOfKey, isPastRange, type RangeListing, type RegionRoot } from "./day-prefixes";

// <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz, as CloudTrail names its files.
const LOG_NAME =
  /^\d{12}_CloudTrail_[a-z]{2}(?:-[a-z]+)+-\d{1,2}_\d{8}T\d{4}Z_[A-Za-z0-9]+\.json(\.gz)?$/;

/** GetObject refuses these until restored; GLACIER_IR is read like STANDARD. */
export const ARCHIVED_STORAGE_CLASSES = new Set(["GLACIER", "DEEP_ARCHIVE"]);

export type KeyKind = "log" | "uncompressed" | "not-cloudtrail";

/** What a key under a day folder is, from its file name. */
export function classifyKey(key: string): KeyKind {
  const match = LOG_NAME.exec(key.slice(key.lastIndexOf("/") + 1));
  if (!match) return "not-cloudtrail";
  return match[1] ? "log" : "uncompressed";
}

export interface KindTally {
  count: number;
  bytes: number;
  /** A few keys, for the message and the fix. */
  examples: string[];
}

export interface DayTally {
  files: number;
  bytes: number;
}

export interface RegionTally {
  region: string;
  root: string;
  accountId?: string;
  organizationId?: string;
  /** CloudTrail log files (gzip, CloudTrail name) by `YYYY/MM/DD`, archived ones included. */
  days: Record<string, DayTally>;
  /** Log files CloudTrail can read: gzip, CloudTrail-named, not archived. */
  readable: DayTally;
  uncompressed: KindTally;
  notCloudTrail: KindTally;
  archived: KindTally;
  /** Readable unless the bucket turned on the archive tiers; HeadObject tells. */
  intelligentTiering: KindTally;
  glacierInstantRetrieval: number;
  /** The first readable file of each day (up to a month of days), to sample from. */
  candidates: { key: string; size: number }[];
  /** True when listing stopped at its page limit before the end of the range. */
  truncated: boolean;
}

const MAX_EXAMPLES = 3;
const MAX_CANDIDATES = 31;

function emptyKind(): KindTally {
  return { count: 0, bytes: 0, examples: [] };
}

function add(tally: KindTally, key: string, size: number): void {
  tally.count++;
  tally.bytes += size;
  if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(key);
}

/** An empty tally for a Region folder. */
export function emptyRegionTally(root: RegionRoot): RegionTally {
  return {
    region: root.region,
    root: root.root,
    ...(root.accountId ? { accountId: root.accountId } : {}),
    ...(root.organizationId ? { organizationId: root.organizationId } : {}),
    days: {},
    readable: { files: 0, bytes: 0 },
    uncompressed: emptyKind(),
    notCloudTrail: emptyKind(),
    archived: emptyKind(),
    intelligentTiering: emptyKind(),
    glacierInstantRetrieval: 0,
    candidates: [],
    truncated: false,
  };
}

/**
 * Adds one ListObjectsV2 page to `tally` (mutated) and says whether to fetch the next page:
 * false once the page reached past the range's last day. Keys outside day folders or before the
 * first day (a listing without StartAfter) are ignored.
 */
export function addPage(tally: RegionTally, listing: RangeListing, page: ListObjectsPage): boolean {
  const { firstDay, lastDay } = listing;
  let pastRange = false;
  for (const object of page.objects) {
    if (isPastRange(tally.root, object.key, lastDay)) {
      pastRange = true;
      continue;
    }
    const day = dayOfKey(tally.root, object.key);
    if (!day || day > lastDay || (firstDay && day < firstDay)) continue;
    const kind = classifyKey(object.key);
    if (kind === "uncompressed") add(tally.uncompressed, object.key, object.size);
    if (kind === "not-cloudtrail") add(tally.notCloudTrail, object.key, object.size);
    if (kind !== "log") continue;
    const perDay = (tally.days[day] ??= { files: 0, bytes: 0 });
    perDay.files++;
    perDay.bytes += object.size;
    if (ARCHIVED_STORAGE_CLASSES.has(object.storageClass)) {
      add(tally.archived, object.key, object.size);
      continue;
    }
    if (object.storageClass === "GLACIER_IR") tally.glacierInstantRetrieval++;
    if (object.storageClass === "INTELLIGENT_TIERING")
      add(tally.intelligentTiering, object.key, object.size);
    if (perDay.files === 1 && tally.candidates.length < MAX_CANDIDATES) {
      tally.candidates.push({ key: object.key, size: object.size });
    }
    tally.readable.files++;
    tally.readable.bytes += object.size;
  }
  return !pastRange && page.nextToken !== undefined;
}

/** Files and bytes over every Region. */
export function totalOf(tallies: readonly RegionTally[]): DayTally {
  return tallies.reduce(
    (sum, t) => ({ files: sum.files + t.readable.files, bytes: sum.bytes + t.readable.bytes }),
    { files: 0, bytes: 0 },
  );
}

/** CloudTrail log files in a Region's day folders, archived ones included. */
export function logFilesOf(tally: RegionTally): DayTally {
  return Object.values(tally.days).reduce(
    (sum, d) => ({ files: sum.files + d.files, bytes: sum.bytes + d.bytes }),
    { files: 0, bytes: 0 },
  );
}

/**
 * Up to `count` readable log files spread evenly over Regions and days, to HEAD (encryption,
 * archive tier) and to download and gunzip (the compression ratio).
 */
export function pickSamples(
  tallies: readonly RegionTally[],
  count: number,
): { key: string; size: number }[] {
  const pool = tallies.flatMap((t) => t.candidates);
  if (pool.length <= count) return pool;
  return Array.from(
    { length: count },
    (_, i) => pool[Math.floor(((i + 0.5) * pool.length) / count)],
  ).filter((c): c is { key: string; size: number } => c !== undefined);
}

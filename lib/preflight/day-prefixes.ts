// Where a trail's log files are, and which keys to list for a time range. CloudTrail writes
//   <prefix>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>            (a trail)
//   <prefix>/AWSLogs/<o-org id>/<account>/CloudTrail/<region>/YYYY/MM/DD/<file> (an organisation trail)
// so the folders above the Region are discovered with delimiter listings, and below it keys sort
// by day: one listing per Region that starts after the day before the range and stops past its
// last day reads only the day folders inside the range, however many days it spans.
import type { TimeRange } from "./facts";

const REGION_SEGMENT = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
const IN_REGION = new RegExp(
  `^((?:.*/)?AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})/CloudTrail/(${REGION_SEGMENT})/)`,
);
const BARE_REGION = new RegExp(`^((?:.*/)?CloudTrail/(${REGION_SEGMENT})/)`);
const AT_CLOUDTRAIL = /(?:^|\/)CloudTrail\/$/;
const AT_ACCOUNT = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?\d{12}\/$/;
const AT_ORGANIZATION = /(?:^|\/)AWSLogs\/o-[a-z0-9]{10,32}\/$/;
const AT_AWSLOGS = /(?:^|\/)AWSLogs\/$/;
const CHILD = {
  awslogs: /^(?:\d{12}|o-[a-z0-9]{10,32})\/$/,
  organization: /^\d{12}\/$/,
  cloudtrail: new RegExp(`^${REGION_SEGMENT}/$`),
} as const;

/** A Region's day folders: `root` ends in `CloudTrail/<region>/`; `listPrefix` may narrow inside it. */
export interface RegionRoot {
  region: string;
  root: string;
  listPrefix: string;
  accountId?: string;
  organizationId?: string;
}

/** What to do with a prefix: list its child folders, or it is (inside) a Region's folder. */
export type DiscoveryStep =
  { kind: "list"; prefix: string; level: keyof typeof CHILD } | { kind: "root"; root: RegionRoot };

/** `AWSLogs/123` → `AWSLogs/123/`; the bucket root stays "". */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

/** Follows the fixed folder names (AWSLogs/, CloudTrail/) down to the next folder to list. */
export function resolvePrefix(prefix: string): DiscoveryStep {
  const p = normalizePrefix(prefix);
  const full = IN_REGION.exec(p);
  if (full) {
    const [, root = "", org, account, region = ""] = full;
    return {
      kind: "root",
      root: {
        region,
        root,
        listPrefix: p,
        accountId: account,
        ...(org ? { organizationId: org } : {}),
      },
    };
  }
  const bare = BARE_REGION.exec(p);
  if (bare)
    return { kind: "root", root: { region: bare[2] ?? "", root: bare[1] ?? "", listPrefix: p } };
  if (AT_CLOUDTRAIL.test(p)) return { kind: "list", prefix: p, level: "cloudtrail" };
  if (AT_ACCOUNT.test(p)) return resolvePrefix(`${p}CloudTrail/`);
  if (AT_ORGANIZATION.test(p)) return { kind: "list", prefix: p, level: "organization" };
  if (AT_AWSLOGS.test(p)) return { kind: "list", prefix: p, level: "awslogs" };
  return resolvePrefix(`${p}AWSLogs/`);
}

/** The child folders (CommonPrefixes) worth following from a listed folder, as full prefixes. */
export function followChildren(
  step: Extract<DiscoveryStep, { kind: "list" }>,
  commonPrefixes: readonly string[],
): string[] {
  return commonPrefixes.filter(
    (child) =>
      child.startsWith(step.prefix) && CHILD[step.level].test(child.slice(step.prefix.length)),
  );
}

export const DISCOVERY_LIMITS = {
  /** Delimiter listings while looking for Region folders (AWSLogs/, organisations, accounts). */
  maxListings: 25,
  /** Region folders to read; a trail in every Region of many accounts is cut here. */
  maxRoots: 60,
};

export interface Discovery {
  roots: RegionRoot[];
  listings: number;
  /** True when a limit stopped the walk, so some Regions or accounts were not looked at. */
  truncated: boolean;
}

/**
 * Walks from the import's prefix down to every Region folder, both layouts. `listChildren` does
 * one ListObjectsV2 with Delimiter "/" and returns its CommonPrefixes; its errors propagate.
 */
export async function discoverRegionRoots(
  prefix: string,
  listChildren: (prefix: string) => Promise<readonly string[]>,
  limits = DISCOVERY_LIMITS,
): Promise<Discovery> {
  const roots: RegionRoot[] = [];
  const pending = [prefix];
  let listings = 0;
  while (pending.length > 0) {
    const step = resolvePrefix(pending.shift() ?? "");
    if (step.kind === "root") {
      if (roots.length >= limits.maxRoots) return { roots, listings, truncated: true };
      roots.push(step.root);
      continue;
    }
    if (listings >= limits.maxListings) return { roots, listings, truncated: true };
    listings++;
    pending.push(...followChildren(step, await listChildren(step.prefix)));
  }
  return { roots, listings, truncated: false };
}

/** `2026-01-05T…` → `2026/01/05`, the day folder's name. */
export function dayPath(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10).replaceAll("-", "/");
}

/** The ListObjectsV2 parameters for a Region's keys in the range, and where listing may stop. */
export interface RangeListing {
  Prefix: string;
  StartAfter?: string;
  /** The range's first day folder (`YYYY/MM/DD`); absent when the range has no start. */
  firstDay?: string;
  /** Keys whose day folder sorts after this (`YYYY/MM/DD`) are past the range. */
  lastDay: string;
}

/** One listing per Region root: from the first day of the range to its last (now when open). */
export function rangeListing(root: RegionRoot, range: TimeRange, now: Date): RangeListing {
  const lastDay = dayPath(range.end ?? now);
  if (!range.start) return { Prefix: root.listPrefix, lastDay };
  const firstDay = dayPath(range.start);
  const startAfter = root.root + firstDay;
  return startAfter > root.listPrefix
    ? { Prefix: root.listPrefix, StartAfter: startAfter, firstDay, lastDay }
    : { Prefix: root.listPrefix, firstDay, lastDay };
}

const DAY_IN_KEY = /^(\d{4}\/\d{2}\/\d{2})\//;

/** The `YYYY/MM/DD` folder of a key under `root`, or null for a key outside any day folder. */
export function dayOfKey(root: string, key: string): string | null {
  return key.startsWith(root) ? (DAY_IN_KEY.exec(key.slice(root.length))?.[1] ?? null) : null;
}

/** True once a listed key sorts past the range, so no later page can hold a key in it. */
export function isPastRange(root: string, key: string, lastDay: string): boolean {
  return key.startsWith(root) && key.slice(root.length) > `${lastDay}/\uffff`;
}

/** Every day folder from `first` to `last` inclusive (`YYYY/MM/DD`), at most `max` of them. */
export function daysBetween(first: string, last: string, max = 3660): string[] {
  const days: string[] = [];
  const end = Date.parse(last.replaceAll("/", "-"));
  for (
    let t = Date.parse(first.replaceAll("/", "-"));
    t <= end && days.length < max;
    t += 86_400_000
  ) {
    days.push(dayPath(t));
  }
  return days;
}

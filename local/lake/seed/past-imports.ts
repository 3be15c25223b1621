// The seeded history: `count` finished imports over both Regions, created over the past weeks,
// in every terminal status (COMPLETED, FAILED with real failures, STOPPED part-way, DENIED by
// the role's trust policy), none running. Each one's range ends before it was created, and its
// statistics are what reading its files would give (seed/source-ranges.ts).
import { createRng, type Rng } from "../s3/prng.ts";
import type { ReadResult } from "../s3/read-log-file.ts";
import type { ImportRecord } from "../state/types.ts";
import {
  BUCKET_REGION,
  DEMO_ACCOUNT_ID,
  DENIED_ROLE_ARN,
  IMPORT_ROLE_ARN,
  STORES,
} from "./constants.ts";
import { fileCount, simulate, type Outcome, type Template } from "./simulate.ts";
import { corruptStamps, cut, type Sources } from "./source-ranges.ts";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const HISTORY_MS = 35 * DAY_MS;

type Kind = "COMPLETED" | "FAILED" | "STOPPED" | "DENIED";

// Every status appears among the first four; after that a realistic mix.
function kindFor(index: number, roll: number): Kind {
  const first: Kind[] = ["COMPLETED", "FAILED", "STOPPED", "DENIED"];
  const fixed = first[index];
  if (fixed) return fixed;
  if (roll < 0.55) return "COMPLETED";
  if (roll < 0.8) return "FAILED";
  if (roll < 0.93) return "STOPPED";
  return "DENIED";
}

function destinationFor(region: string, roll: number): string {
  if (region === STORES.eu.region) return STORES.eu.arn;
  return roll < 0.8 ? STORES.demo.arn : STORES.org.arn;
}

/** A source and range that ends 1–48 hours before `createdMs`. */
function pickRange(
  rng: Rng,
  sources: Sources,
  createdMs: number,
  results: ReadonlyMap<string, ReadResult>,
): Template {
  const endMs = Math.floor((createdMs - rng.int(1, 48) * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
  const shape = rng.int(0, 4);
  if (shape === 0) return cut(sources.trail, endMs - 7 * DAY_MS, endMs, results);
  if (shape === 1) return cut(sources.trail, endMs - 30 * DAY_MS, endMs, results);
  if (shape === 2) return cut(sources.trail, endMs - DAY_MS, endMs, results);
  if (shape === 3) return cut(sources.bucket, endMs - 14 * DAY_MS, endMs, results);
  return cut(sources.euRegion, endMs - 14 * DAY_MS, endMs, results);
}

/** A range around the newest broken file delivered before `createdMs`, if there is one. */
function failingRange(
  rng: Rng,
  sources: Sources,
  createdMs: number,
  results: ReadonlyMap<string, ReadResult>,
): Template | undefined {
  const stamp = corruptStamps(sources.trail, results)
    .filter((t) => t + 2 * HOUR_MS < createdMs)
    .at(-1);
  if (stamp === undefined) return undefined;
  const endMs = stamp + HOUR_MS;
  return cut(sources.trail, endMs - rng.int(1, 5) * DAY_MS, endMs, results);
}

function outcomeFor(
  kind: Kind,
  template: Template,
  results: ReadonlyMap<string, ReadResult>,
  at: number,
  roll: number,
): Outcome {
  if (kind === "STOPPED")
    return simulate(template, results, at, Math.floor(fileCount(template) * (0.2 + 0.6 * roll)));
  return simulate(template, results, at);
}

const EMPTY_STATS = {
  prefixesFound: 0,
  prefixesCompleted: 0,
  filesCompleted: 0,
  eventsCompleted: 0,
  failedEntries: 0,
};

/** Plans `count` past imports from `sources`, all finished by `now`. Deterministic for a seed. */
export function planPastImports(
  count: number,
  now: number,
  sources: Sources,
  results: ReadonlyMap<string, ReadResult>,
  seed: number,
): ImportRecord[] {
  const rng = createRng(seed);
  const spacing = Math.max(MINUTE_MS, Math.floor(HISTORY_MS / Math.max(1, count)));
  const imports: ImportRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    let kind = kindFor(i, rng.next());
    const region = rng.next() < 0.7 ? "us-east-1" : "eu-west-1";
    const createdMs = now - (i + 1) * spacing - rng.int(0, Math.floor(spacing / 2));
    const updatedMs = Math.min(createdMs + rng.int(2, 40) * MINUTE_MS, now);
    let template = kind === "FAILED" ? failingRange(rng, sources, createdMs, results) : undefined;
    if (kind === "FAILED" && template === undefined) kind = "COMPLETED";
    template ??= pickRange(rng, sources, createdMs, results);
    if (kind === "COMPLETED" && template.corrupt > 0) kind = "FAILED";
    const base: ImportRecord = {
      id: rng.uuid(),
      accountId: DEMO_ACCOUNT_ID,
      region,
      destination: destinationFor(region, rng.next()),
      source: {
        uri: template.uri,
        bucketRegion: BUCKET_REGION,
        roleArn: kind === "DENIED" ? DENIED_ROLE_ARN : IMPORT_ROLE_ARN,
      },
      ...(template.startMs === undefined ? {} : { startMs: template.startMs }),
      ...(template.endMs === undefined ? {} : { endMs: template.endMs }),
      status: "COMPLETED",
      createdMs,
      updatedMs,
      stats: { ...EMPTY_STATS },
      failures: [],
    };
    const roll = rng.next();
    // The words rules/import-access.ts uses when a trust policy does not let CloudTrail in.
    const denied =
      kind === "DENIED"
        ? {
            errorType: "AccessDenied",
            errorMessage: `Access denied: CloudTrail could not assume ${DENIED_ROLE_ARN} to read ${template.uri}. Its trust policy must allow cloudtrail.amazonaws.com to call sts:AssumeRole with aws:SourceAccount ${DEMO_ACCOUNT_ID} and aws:SourceArn ${base.destination}.`,
          }
        : null;
    if (denied) {
      base.status = "FAILED";
      base.stats.failedEntries = 1;
      base.failures = [
        { key: null, location: template.uri, status: "FAILED", ...denied, updatedMs },
      ];
      imports.push(base);
      continue;
    }
    const outcome = outcomeFor(kind, template, results, updatedMs, roll);
    const failed = outcome.failures.some((f) => f.status === "FAILED");
    imports.push({
      ...base,
      status: kind === "STOPPED" ? "STOPPED" : failed ? "FAILED" : "COMPLETED",
      stats: outcome.stats,
      ...(outcome.cursor === undefined ? {} : { cursor: outcome.cursor }),
      ...(outcome.exhausted ? { exhausted: true } : {}),
      failures: outcome.failures,
    });
  }
  return imports;
}

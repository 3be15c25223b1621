// The seeded history: `count` finished imports over both Regions, created over the past weeks,
// in every terminal status (COMPLETED, FAILED with real failures, STOPPED part-way), none running.
import { createRng } from "../s3/prng.ts";
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

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
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

function outcomeFor(
  kind: Kind,
  template: Template,
  results: ReadonlyMap<string, ReadResult>,
  at: number,
  roll: number,
): Outcome {
  if (kind === "STOPPED")
    return simulate(template, results, at, Math.floor(fileCount(template) * (0.2 + 0.6 * roll)));
  if (kind === "DENIED") {
    return {
      stats: {
        prefixesFound: 0,
        prefixesCompleted: 0,
        filesCompleted: 0,
        eventsCompleted: 0,
        failedEntries: 1,
      },
      failures: [
        {
          key: null,
          location: template.uri,
          status: "FAILED",
          errorType: "AccessDenied",
          errorMessage: `Access denied: CloudTrail could not assume ${DENIED_ROLE_ARN} to read ${template.uri}.`,
          updatedMs: at,
        },
      ],
      exhausted: false,
    };
  }
  return simulate(template, results, at);
}

/**
 * Plans `count` past imports. `clean` templates contain no corrupt file (for COMPLETED imports),
 * `dirty` ones at least one (for FAILED). Deterministic for a seed.
 */
export function planPastImports(
  count: number,
  now: number,
  clean: readonly Template[],
  dirty: readonly Template[],
  results: ReadonlyMap<string, ReadResult>,
  seed: number,
): ImportRecord[] {
  const rng = createRng(seed);
  const spacing = Math.max(MINUTE_MS, Math.floor(HISTORY_MS / Math.max(1, count)));
  const imports: ImportRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    let kind = kindFor(i, rng.next());
    const region = rng.next() < 0.7 ? "us-east-1" : "eu-west-1";
    const pool = kind === "FAILED" ? dirty : clean;
    const template = pool.length > 0 ? rng.pick(pool) : rng.pick([...clean, ...dirty]);
    if (kind === "COMPLETED" && template.corrupt > 0) kind = "FAILED";
    const createdMs = now - (i + 1) * spacing - rng.int(0, Math.floor(spacing / 2));
    const updatedMs = createdMs + rng.int(2, 40) * MINUTE_MS;
    const outcome = outcomeFor(kind, template, results, updatedMs, rng.next());
    const failed = outcome.failures.some((f) => f.status === "FAILED");
    imports.push({
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
      status: kind === "STOPPED" ? "STOPPED" : failed ? "FAILED" : "COMPLETED",
      createdMs,
      updatedMs,
      stats: outcome.stats,
      ...(outcome.cursor === undefined ? {} : { cursor: outcome.cursor }),
      ...(outcome.exhausted ? { exhausted: true } : {}),
      failures: outcome.failures,
    });
  }
  return imports;
}

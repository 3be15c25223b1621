// CloudTrail calls made while 1 and while N simulated viewers poll one running import's route
// (/api/imports/<id>?region=, what the detail page polls) at the UI's interval, counted from the
// Lake's call log. Every viewer shares the operator's session: the server caches are keyed
// without the caller (lib/cloudtrail/cache.ts), so distinct people would add only their one
// AssumeRole each (STS, reported apart), not CloudTrail calls.
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { BenchConfig } from "./config.ts";
import { clearCalls, countCalls, setPace, startDemoImport, stopQuietly } from "./lake.ts";
import { pause } from "./processes.ts";

/** Longest server cache TTL a poll touches (the store listing, 30 s), plus slack. */
const CACHE_SETTLE_MS = 31_000;
/** Milliseconds per file: slow enough that the demo import runs far longer than the bench. */
const SLOW_PACE_MS = 2_000;

export interface PollingPhase {
  viewers: number;
  seconds: number;
  polls: number;
  failedPolls: number;
  cloudTrailCalls: number;
  stsCalls: number;
  byOperation: Record<string, number>;
  /** The import's status in the last successful poll: it must still be running for the figure to count. */
  lastStatus: string;
}

export interface PollingResult {
  one: PollingPhase;
  many: PollingPhase;
  /** CloudTrail calls with many viewers ÷ with one. */
  ratio: number;
}

interface Tally {
  polls: number;
  failed: number;
  lastStatus: string;
}

/** One viewer: a poll every interval (react-query's refetchInterval is a fixed rate), from a random phase. */
async function viewer(
  url: string,
  cookie: string,
  intervalMs: number,
  until: number,
  tally: Tally,
) {
  let next = Date.now() + Math.random() * intervalMs;
  while (next < until) {
    await pause(Math.max(0, next - Date.now()));
    next += intervalMs;
    try {
      const response = await fetch(url, { headers: { Cookie: cookie } });
      const body = (await response.json()) as { import?: { status?: string } };
      tally.polls += 1;
      if (!response.ok || !body.import?.status) tally.failed += 1;
      else tally.lastStatus = body.import.status;
    } catch {
      tally.polls += 1;
      tally.failed += 1;
    }
  }
}

async function phase(
  config: BenchConfig,
  url: string,
  cookie: string,
  viewers: number,
): Promise<PollingPhase> {
  await pause(CACHE_SETTLE_MS);
  await clearCalls(config);
  const until = Date.now() + config.pollSeconds * 1000;
  const tally: Tally = { polls: 0, failed: 0, lastStatus: "none" };
  await Promise.all(
    Array.from({ length: viewers }, () => viewer(url, cookie, config.pollIntervalMs, until, tally)),
  );
  const calls = await countCalls(config);
  return {
    viewers,
    seconds: config.pollSeconds,
    polls: tally.polls,
    failedPolls: tally.failed,
    cloudTrailCalls: calls.cloudtrail,
    stsCalls: calls.sts,
    byOperation: calls.byOperation,
    lastStatus: tally.lastStatus,
  };
}

/** Starts a slow import, measures 1 then `config.viewers` viewers polling it, and stops it. */
export async function measurePolling(
  config: BenchConfig,
  clients: Map<string, CloudTrailClient>,
  cookie: string,
  log: (line: string) => void,
): Promise<PollingResult> {
  await setPace(config, SLOW_PACE_MS);
  const { importId, region } = await startDemoImport(clients);
  try {
    const url = `${config.appOrigin}/api/imports/${importId}?region=${region}`;
    log(
      `  polling: 1 viewer for ${config.pollSeconds} s (after ${CACHE_SETTLE_MS / 1000} s for the caches to expire)`,
    );
    const one = await phase(config, url, cookie, 1);
    log(
      `  polling: ${config.viewers} viewers for ${config.pollSeconds} s (after ${CACHE_SETTLE_MS / 1000} s)`,
    );
    const many = await phase(config, url, cookie, config.viewers);
    return { one, many, ratio: many.cloudTrailCalls / Math.max(1, one.cloudTrailCalls) };
  } finally {
    await stopQuietly(clients, region, importId);
  }
}

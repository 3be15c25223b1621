// The printed table and .bench/results.json. Ratios are the figures that count (the machine is
// noisy); each row names its target and says PASS or GAP.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { BenchConfig } from "./config.ts";
import type { RouteJs } from "./first-load-js.ts";
import type { PageScores, Scores } from "./lighthouse.ts";
import type { PollingResult } from "./polling.ts";
import type { ServerTimeResult } from "./server-time.ts";
import { round } from "./stats.ts";

export const TARGETS = {
  firstLoadJsRatio: 1.35,
  lighthouse: { performance: 98, accessibility: 100, "best-practices": 100 } satisfies Scores,
  serverTimeRatio: 1.1,
  pollingRatio: 1.5,
} as const;

export interface BenchResults {
  firstLoadJs?: { bare: RouteJs; routes: RouteJs[] };
  lighthouse?: PageScores[];
  serverTime?: ServerTimeResult;
  polling?: PollingResult;
  /** Parts that failed to run, with the reason. */
  errors: Record<string, string>;
}

type Row = [figure: string, measured: string, target: string, verdict: string];

/** A polling figure counts only while the import ran and every poll was answered. */
function pollingVerdict(po: PollingResult, running: boolean): string {
  if (!running) return "INVALID (import not running)";
  const failed = po.one.failedPolls + po.many.failedPolls;
  if (failed > 0) return `INVALID (${failed} failed polls)`;
  return verdict(po.ratio <= TARGETS.pollingRatio);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? "PASS" : "GAP");

function rows(results: BenchResults): Row[] {
  const out: Row[] = [];
  const fl = results.firstLoadJs;
  if (fl) {
    out.push([
      "First-load JS, bare Next.js page",
      `${kb(fl.bare.gzipBytes)} (${fl.bare.chunks} chunks)`,
      "baseline",
      "",
    ]);
    for (const route of fl.routes) {
      const ratio = route.gzipBytes / fl.bare.gzipBytes;
      out.push([
        `First-load JS ${route.route}`,
        `${kb(route.gzipBytes)} = ${ratio.toFixed(2)}×`,
        `≤ ${TARGETS.firstLoadJsRatio}×`,
        verdict(ratio <= TARGETS.firstLoadJsRatio),
      ]);
    }
  }
  for (const page of results.lighthouse ?? []) {
    const m = page.median;
    const t = TARGETS.lighthouse;
    out.push([
      `Lighthouse ${page.page} (perf/a11y/bp)`,
      `${m.performance} / ${m.accessibility} / ${m["best-practices"]}`,
      `≥ ${t.performance} / ${t.accessibility} / ${t["best-practices"]}`,
      verdict(
        m.performance >= t.performance &&
          m.accessibility >= t.accessibility &&
          m["best-practices"] >= t["best-practices"],
      ),
    ]);
  }
  const st = results.serverTime;
  if (st) {
    out.push([
      `/imports HTML vs its calls (+${st.latencyMs} ms/call)`,
      `${st.appMs.toFixed(0)} ms vs ${st.sdkMs.toFixed(0)} ms = ${st.ratio.toFixed(2)}×`,
      `≤ ${TARGETS.serverTimeRatio}×`,
      st.mismatchedRuns > 0
        ? `INVALID (${st.mismatchedRuns} of ${st.runs.length} runs: app and SDK calls differ)`
        : verdict(st.ratio <= TARGETS.serverTimeRatio),
    ]);
  }
  const po = results.polling;
  if (po) {
    const running = [po.one.lastStatus, po.many.lastStatus].every(
      (status) => status === "INITIALIZING" || status === "IN_PROGRESS",
    );
    out.push([
      `CloudTrail calls, 1 vs ${po.many.viewers} viewers (${po.one.seconds} s)`,
      `${po.one.cloudTrailCalls} vs ${po.many.cloudTrailCalls} = ${po.ratio.toFixed(2)}×`,
      `≤ ${TARGETS.pollingRatio}×`,
      pollingVerdict(po, running),
    ]);
  }
  for (const [part, message] of Object.entries(results.errors))
    out.push([part, `did not run: ${message.split("\n")[0] ?? ""}`, "", "ERROR"]);
  return out;
}

/** The table as aligned text. */
export function formatTable(results: BenchResults): string {
  const header: Row = ["Figure", "Measured (median)", "Target", "Result"];
  const all = [header, ...rows(results)];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
  const line = (row: Row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...all.slice(1).map(line),
  ].join("\n");
}

/** Writes every figure, raw runs included, to `.bench/results.json`. */
export async function writeResults(
  config: BenchConfig,
  results: BenchResults,
  meta: Record<string, unknown>,
): Promise<void> {
  const table = rows(results).map(([figure, measured, target, result]) => ({
    figure,
    measured,
    target,
    result,
  }));
  const firstLoad = results.firstLoadJs;
  const ratios = firstLoad
    ? Object.fromEntries(
        firstLoad.routes.map((route) => [
          route.route,
          round(route.gzipBytes / firstLoad.bare.gzipBytes, 3),
        ]),
      )
    : undefined;
  await mkdir(dirname(config.outputFile), { recursive: true });
  await writeFile(
    config.outputFile,
    `${JSON.stringify({ ...meta, targets: TARGETS, table, firstLoadJsRatios: ratios, ...results }, null, 2)}\n`,
  );
}

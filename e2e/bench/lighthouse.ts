// Lighthouse 12 desktop scores with Debian's Chromium (CHROME_PATH), signed in by passing
// the session cookie as an extra header. Runs the CLI so each run gets a fresh Chrome.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import type { BenchConfig } from "./config.ts";
import { median } from "./stats.ts";

export const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];
export type Scores = Record<LighthouseCategory, number>;

const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-background-networking --disable-component-update --no-first-run";

interface LighthouseReport {
  runtimeError?: { code?: string; message?: string };
  categories: Partial<
    Record<
      LighthouseCategory,
      { score: number | null; auditRefs?: { id: string; weight: number }[] }
    >
  >;
  audits: Record<
    string,
    { score: number | null; title?: string; displayValue?: string; details?: { items?: unknown[] } }
  >;
}

/** The first few items of an audit's details (console errors, issues), shortened: the "why" behind lost points. */
function firstItems(items: unknown[] | undefined): string {
  const texts = (items ?? []).slice(0, 3).map((item) => {
    const record = (typeof item === "object" && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const text = record.description ?? record.issueType ?? record.source ?? JSON.stringify(item);
    return String(text).slice(0, 160);
  });
  return texts.length > 0 ? ` [${texts.join(" | ")}]` : "";
}

export interface LighthouseRun {
  scores: Scores;
  /** Scored audits that lost points, as "category/id: title (value)": what to fix for a GAP. */
  lostPoints: string[];
}

function lostPoints(report: LighthouseReport): string[] {
  const lost: string[] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    for (const ref of report.categories[category]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const value = audit.displayValue ? ` (${audit.displayValue})` : "";
        const why = category === "best-practices" ? firstItems(audit.details?.items) : "";
        lost.push(`${category}/${ref.id}: ${audit.title ?? ""}${value}${why}`);
      }
    }
  }
  return lost;
}

/** One Lighthouse run of `url`; scores are 0–100. */
export async function lighthouseOnce(
  config: BenchConfig,
  url: string,
  cookie: string,
): Promise<LighthouseRun> {
  const cli = join(config.root, "node_modules", "lighthouse", "cli", "index.js");
  const child = spawn(
    process.execPath,
    [
      cli,
      url,
      "--quiet",
      "--preset=desktop",
      `--only-categories=${LIGHTHOUSE_CATEGORIES.join(",")}`,
      "--output=json",
      "--output-path=stdout",
      `--chrome-flags=${CHROME_FLAGS}`,
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: config.chromiumPath },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0)
    throw new Error(
      `Lighthouse failed for ${url} (exit ${code}):\n${Buffer.concat(err).toString("utf8").slice(-2000)}`,
    );
  const report = JSON.parse(Buffer.concat(out).toString("utf8")) as LighthouseReport;
  if (report.runtimeError?.code && report.runtimeError.code !== "NO_ERROR") {
    throw new Error(
      `Lighthouse runtime error for ${url}: ${report.runtimeError.code} ${report.runtimeError.message ?? ""}`,
    );
  }
  const score = (category: LighthouseCategory) => {
    const value = report.categories[category]?.score;
    if (typeof value !== "number")
      throw new Error(`Lighthouse gave no ${category} score for ${url}.`);
    return Math.round(value * 100);
  };
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
    },
    lostPoints: lostPoints(report),
  };
}

export interface PageScores {
  page: string;
  runs: LighthouseRun[];
  median: Scores;
}

/** `runs` Lighthouse runs of one page and the median of each category. */
export async function lighthousePage(
  config: BenchConfig,
  page: string,
  path: string,
  cookie: string,
): Promise<PageScores> {
  const runs: LighthouseRun[] = [];
  for (let i = 0; i < config.lighthouseRuns; i += 1)
    runs.push(await lighthouseOnce(config, `${config.appOrigin}${path}`, cookie));
  const pick = (category: LighthouseCategory) => median(runs.map((run) => run.scores[category]));
  return {
    page,
    runs,
    median: {
      performance: pick("performance"),
      accessibility: pick("accessibility"),
      "best-practices": pick("best-practices"),
    },
  };
}

// What one bench run measures and where: ports and endpoints come from the same env files the
// e2e suite reads (.env.development, then .env.development.local), so a sandbox that moves its
// ports moves the bench too. Durations shrink with --quick for a smoke run.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

export interface BenchConfig {
  /** Repository root (the working directory). */
  root: string;
  quick: boolean;
  /** Reuse the existing `.next/standalone` build instead of running `npm run build`. */
  skipBuild: boolean;
  appOrigin: string;
  appPort: number;
  idpOrigin: string;
  lakeOrigin: string;
  regions: string[];
  awsCredentials: { accessKeyId: string; secretAccessKey: string };
  chromiumPath: string;
  /** Past imports seeded into the local Lake. */
  seedImports: number;
  lighthouseRuns: number;
  serverTimeRuns: number;
  pollSeconds: number;
  viewers: number;
  /** The UI's polling interval while an import runs (lib/imports/status.ts POLL_BASE_MS). */
  pollIntervalMs: number;
  /**
   * Latency the local Lake adds to each CloudTrail call while /imports server time is measured. The local
   * Lake answers in about 1 ms, so without it the figure compares the app's fixed costs (auth, rendering)
   * with nearly nothing; real CloudTrail calls take tens of ms. 0 measures the bare local Lake.
   */
  serverTimeLatencyMs: number;
  outputFile: string;
}

const USAGE = `Usage: node e2e/bench/run.ts [--quick] [--skip-build]

  --quick        smoke run: 1 Lighthouse run per page, 1 server-time run, 10 s polling windows
  --skip-build   reuse the existing .next/standalone build of the app
  --latency-ms N latency added to each CloudTrail call for the /imports server-time figure (default 30)`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (expected in .env.development).`);
  return value;
}

/** Reads flags and the local world's env files into one configuration. */
export function loadConfig(argv: string[] = process.argv.slice(2)): BenchConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      "latency-ms": { type: "string", default: "30" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const root = process.cwd();
  // dev = true: the same files `npm run dev` and playwright.config.ts load (local world values).
  nextEnv.loadEnvConfig(root, true, { info: () => {}, error: console.error });

  const latencyMs = Number(values["latency-ms"]);
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 1000) {
    throw new Error(
      `--latency-ms must be a whole number of ms from 0 to 1000, not ${values["latency-ms"]}.`,
    );
  }
  const appUrl = new URL(required("NEXTAUTH_URL"));
  const quick = values.quick;
  return {
    root,
    quick,
    skipBuild: values["skip-build"],
    appOrigin: appUrl.origin,
    appPort: Number(appUrl.port || "80"),
    idpOrigin: new URL(required("OIDC_ISSUER")).origin,
    lakeOrigin: new URL(required("CLOUDTRAIL_ENDPOINT")).origin,
    regions: (process.env.CLOUDTRAIL_REGIONS ?? process.env.AWS_REGION ?? "us-east-1")
      .split(",")
      .map((region) => region.trim())
      .filter(Boolean),
    awsCredentials: {
      accessKeyId: required("AWS_ACCESS_KEY_ID"),
      secretAccessKey: required("AWS_SECRET_ACCESS_KEY"),
    },
    chromiumPath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    seedImports: 10_000,
    lighthouseRuns: quick ? 1 : 3,
    serverTimeRuns: quick ? 1 : 3,
    pollSeconds: quick ? 10 : 60,
    viewers: 50,
    pollIntervalMs: 2_000,
    serverTimeLatencyMs: latencyMs,
    outputFile: resolve(root, ".bench", "results.json"),
  };
}

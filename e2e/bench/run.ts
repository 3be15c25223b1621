// `npm run bench`: builds the app and a bare Next.js page, starts the local world with 10,000
// seeded imports and the standalone app on the env's ports, signs in, and prints one table
// (first-load JS, Lighthouse, /imports server time, polling cost). Benchmarks measure and print;
// a GAP is reported, never failed on. Exit code 1 only when a part could not run at all.
import { ListImportsCommand } from "@aws-sdk/client-cloudtrail";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BareApp, startBareApp } from "./bare-app.ts";
import { loadConfig } from "./config.ts";
import { measureRouteJs } from "./first-load-js.ts";
import { clientFor, lakeClients } from "./lake.ts";
import { lighthousePage } from "./lighthouse.ts";
import { measurePolling } from "./polling.ts";
import { runCommand, type Server, startServer } from "./processes.ts";
import { type BenchResults, formatTable, writeResults } from "./report.ts";
import { measureServerTime } from "./server-time.ts";
import { signInCookieHeader } from "./sign-in.ts";

const config = loadConfig();
const startedAt = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const servers: Server[] = [];
let bare: BareApp | undefined;
let dataDir: string | undefined;

async function cleanup(): Promise<void> {
  await Promise.allSettled([...servers.map((server) => server.stop()), bare?.dispose()]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

const results: BenchResults = { errors: {} };

/** Runs one part, recording a failure instead of abandoning the other figures. */
async function part(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors[name] = message;
    log(`${name} failed: ${message}`);
  }
}

try {
  if (!config.skipBuild) {
    log("building the app (npm run build)");
    await runCommand("npm", ["run", "build"], { cwd: config.root, label: "npm run build" });
  }
  log("building the bare Next.js page");
  bare = await startBareApp(config);

  log(`starting the local world with ${config.seedImports} imports`);
  dataDir = await mkdtemp(join(tmpdir(), "trail-imports-bench-"));
  servers.push(
    await startServer(
      process.execPath,
      ["local/main.ts", "--reset", "--imports", String(config.seedImports), "--data", dataDir],
      {
        cwd: config.root,
        env: { ...process.env, LOCAL_LAKE_PACE: "demo" },
        label: "local world",
        readyUrl: `${config.idpOrigin}/.well-known/openid-configuration`,
      },
    ),
  );
  log(`starting the app on ${config.appOrigin}`);
  servers.push(
    await startServer(process.execPath, [".next/standalone/server.js"], {
      cwd: config.root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(config.appPort),
        HOSTNAME: "127.0.0.1",
      },
      label: "app",
      readyUrl: `${config.appOrigin}/api/health`,
    }),
  );

  log("signing in as the operator through the local IdP");
  const cookie = await signInCookieHeader(config);
  const clients = lakeClients(config);
  const detailRegion = config.regions[0] ?? "us-east-1";
  const newest = await clientFor(clients, detailRegion).send(
    new ListImportsCommand({ MaxResults: 1 }),
  );
  const detailId = newest.Imports?.[0]?.ImportId;
  if (!detailId) throw new Error(`The seeded world has no import in ${detailRegion}.`);
  const detailPath = `/imports/${detailId}?region=${detailRegion}`;

  await part("first-load JS", async () => {
    log("first-load JS");
    const bareJs = await measureRouteJs(bare?.origin ?? "", "/");
    const routes = [];
    for (const path of ["/imports", "/imports/new", detailPath])
      routes.push(await measureRouteJs(config.appOrigin, path, cookie));
    // Signed-in visitors are sent on from /sign-in; its page is what signed-out people load.
    routes.push(await measureRouteJs(config.appOrigin, "/sign-in"));
    const detail = routes[2];
    if (detail) detail.route = "/imports/<id>";
    results.firstLoadJs = { bare: bareJs, routes };
  });
  await bare.dispose();
  bare = undefined;

  await part("Lighthouse", async () => {
    results.lighthouse = [];
    for (const [page, path] of [
      ["/imports", "/imports"],
      ["/imports/new", "/imports/new"],
      ["/imports/<id>", detailPath],
    ] as const) {
      log(`Lighthouse ${page} × ${config.lighthouseRuns}`);
      results.lighthouse.push(await lighthousePage(config, page, path, cookie));
    }
  });

  await part("server time", async () => {
    log(`/imports server time × ${config.serverTimeRuns}`);
    results.serverTime = await measureServerTime(config, clients, cookie, log);
  });

  await part("polling", async () => {
    results.polling = await measurePolling(config, clients, cookie, log);
  });
} catch (error) {
  results.errors.setup = error instanceof Error ? error.message : String(error);
  log(`setup failed: ${results.errors.setup}`);
} finally {
  await cleanup();
}

const meta = {
  mode: config.quick ? "quick" : "full",
  date: new Date().toISOString(),
  node: process.version,
  seededImports: config.seedImports,
  durationSeconds: Math.round((Date.now() - startedAt) / 1000),
};
console.log(
  `\nTrail Imports benchmark (${meta.mode}, ${meta.date}, Node ${meta.node}, ${meta.seededImports} imports seeded)\n`,
);
console.log(formatTable(results));
await writeResults(config, results, meta);
console.log(`\nFigures and raw runs: ${config.outputFile} (took ${meta.durationSeconds} s)`);
process.exitCode = Object.keys(results.errors).length > 0 ? 1 : 0;

// The local world: a CloudTrail Lake that speaks the AWS wire protocol, an OIDC identity
// provider and the app's embedded PostgreSQL (PGlite), all on loopback. `npm run local` runs it alone; `npm run dev` runs it beside Next.
// The app never imports this folder: it reaches these servers through env endpoints only.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadLocalEnv } from "./env.ts";
import { serveEmbeddedDatabase } from "../lib/db/embedded/serve.ts";
import { migrateDatabase } from "../lib/db/migrate.ts";
import { startIdp } from "./idp/server.ts";
import { startLake } from "./lake/server.ts";
import { startWebhookReceiver } from "./webhooks/receiver.ts";

const HOST = "127.0.0.1";

loadLocalEnv();

const { values } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    imports: { type: "string" },
    data: { type: "string" },
    pace: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run local -- [--reset] [--imports N] [--data DIR] [--pace demo|fast|<ms per file>]

  --reset        wipe the data folder (database included) and seed the demo world again
  --imports N    seed N past imports (default 20; 10000 for the benchmark)
  --data DIR     data folder (env LOCAL_LAKE_DATA, default .local/)
  --pace P       how fast imports progress (env LOCAL_LAKE_PACE, default demo)

Environment: LOCAL_LAKE_LOOKUP_RATE (LookupEvents calls/s per account and Region, default 2,
0 = no limit), LOCAL_LAKE_ONGOING_SCOPE (account, the default, or region).`);
  process.exit(0);
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number from 1 to 65535 (got "${raw}").`);
    process.exit(2);
  }
  return value;
}

function pace(raw: string | undefined): "demo" | "fast" | number {
  if (raw === undefined || raw === "" || raw === "demo") return "demo";
  if (raw === "fast") return "fast";
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) {
    console.error(
      `--pace / LOCAL_LAKE_PACE must be demo, fast or milliseconds per file (got "${raw}").`,
    );
    process.exit(2);
  }
  return ms;
}

const seedImports = values.imports === undefined ? undefined : Number(values.imports);
if (seedImports !== undefined && (!Number.isInteger(seedImports) || seedImports < 0)) {
  console.error(`--imports must be a whole number (got "${values.imports}").`);
  process.exit(2);
}

const appUrl = (process.env.NEXTAUTH_URL ?? `http://${HOST}:3000`).replace(/\/$/, "");
const dataDir = resolve(values.data ?? process.env.LOCAL_LAKE_DATA ?? ".local");

// The one process that opens the PGlite folder: Next's dev workers would corrupt it by opening it side by
// side, so they reach it as a Postgres server (DATABASE_URL in .env.development). It owns it, so it migrates it.
const dbDir = resolve(dataDir, "db");
const database = await serveEmbeddedDatabase({
  dataDir: dbDir,
  port: port("LOCAL_DB_PORT", 4601),
  reset: values.reset,
});
const migrated = await migrateDatabase({ connectionString: database.url });

const lake = await startLake({
  host: HOST,
  port: port("LOCAL_LAKE_PORT", 4599),
  dataDir,
  pace: pace(values.pace ?? process.env.LOCAL_LAKE_PACE),
  reset: values.reset,
  seedImports,
});
const idp = await startIdp({
  host: HOST,
  port: port("LOCAL_IDP_PORT", 4600),
  // Extra URIs let a second deployment of the app (the e2e suite's embedded one) sign in too.
  redirectUris: [
    `${appUrl}/api/auth/callback/oidc`,
    ...(process.env.LOCAL_IDP_EXTRA_REDIRECT_URIS ?? "").split(",").filter(Boolean),
  ],
});

const webhookSecret = process.env.NOTIFY_WEBHOOK_SECRET;
const webhooks = webhookSecret
  ? await startWebhookReceiver({
      host: HOST,
      port: port("LOCAL_WEBHOOK_PORT", 4602),
      secret: webhookSecret,
    })
  : undefined;

console.log(`Local CloudTrail Lake  ${lake.url}  (data: ${dataDir})`);
console.log(`Local identity provider ${idp.url}  (demo users are listed on its sign-in page)`);
console.log(
  `Local database         ${database.url}  (data: ${dbDir}; ${migrated.status.applied} of ${migrated.status.known} migrations applied)`,
);

if (webhooks)
  console.log(`Local webhook receiver ${webhooks.url}  (deliveries: ${webhooks.url}/_received)`);

async function shutdown(): Promise<void> {
  await Promise.allSettled([lake.close(), idp.close(), database.close(), webhooks?.close()]);
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

// `npm run db:migrate`: applies lib/db/migrations to DATABASE_DIRECT_URL, else DATABASE_URL, else the
// DATABASE_PATH directory (which then must not be open in a running app). Loads .env files as Next does.
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { readDatabaseConfig } from "./config.ts";
import { serveEmbeddedDatabase, type EmbeddedDatabase } from "./embedded/serve.ts";
import { migrateDatabase } from "./migrate.ts";

// Beside this file, so the command works from any directory.
const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

async function main(): Promise<number> {
  const config = readDatabaseConfig(process.env);
  let embedded: EmbeddedDatabase | undefined;
  if (config.embedded) {
    embedded = await serveEmbeddedDatabase({ dataDir: config.embedded.dataDir, port: 0 });
  }
  const target = embedded?.url ?? config.directUrl;
  if (!target) {
    console.error("Set DATABASE_URL (or DATABASE_PATH) to say which database to migrate.");
    return 2;
  }
  try {
    console.log(`Migrating ${embedded ? embedded.dataDir : describe(target)}`);
    const { applied, status } = await migrateDatabase({
      connectionString: target,
      migrationsFolder,
    });
    for (const tag of applied) console.log(`  applied ${tag}`);
    console.log(
      applied.length === 0
        ? `Up to date: ${status.applied} of ${status.known} migrations applied.`
        : `Done: ${status.applied} of ${status.known} migrations applied.`,
    );
    if (status.edited.length > 0) {
      console.warn(`Warning: changed after they were applied: ${status.edited.join(", ")}.`);
    }
    return 0;
  } finally {
    await embedded?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

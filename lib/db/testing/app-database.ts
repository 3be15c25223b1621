import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "../client.ts";
import { serveEmbeddedDatabase } from "../embedded/serve.ts";
import { migrateDatabase } from "../migrate.ts";

/**
 * Points the app's own database (what actions, the audit and the guards open through `getDatabase`) at
 * `url`, or at none; the next query opens a fresh pool there.
 */
export async function pointAppAtDatabase(url: string | undefined): Promise<void> {
  await closeDatabase();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
}

/**
 * For test files that run app code end to end (actions against the local Lake): an in-memory, migrated PGlite
 * served on loopback for the whole file, as the app's database. Returns its URL once started.
 */
export function appDatabaseForFile(): () => string {
  let served: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    served = await serveEmbeddedDatabase({ dataDir: undefined, port: 0 });
    await migrateDatabase({ connectionString: served.url });
    await pointAppAtDatabase(served.url);
  }, 60_000);
  afterAll(async () => {
    await pointAppAtDatabase(undefined);
    await served?.close();
  }, 30_000);
  return () => {
    if (!served) throw new Error("The app database did not start.");
    return served.url;
  };
}

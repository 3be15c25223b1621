import "server-only";
import { readDatabaseConfig } from "./config.ts";
import {
  DatabaseUnavailableError,
  SchemaNewerThanCodeError,
  MigrationJournalError,
} from "./errors.ts";
import { deleteExpiredRows } from "./maintenance.ts";
import { migrateDatabase } from "./migrate.ts";

const CLEANUP_EVERY_MS = 60 * 60_000;

/**
 * Start-up work of a server process: serve the embedded directory when this process owns one (DATABASE_PATH),
 * migrate when DATABASE_MIGRATE_ON_START allows, and delete expired rows hourly. An unreachable database is
 * logged and left to /api/ready and the actions to report; a schema this code cannot run on stops the process.
 */
export async function prepareDatabase(): Promise<void> {
  const config = readDatabaseConfig(process.env);
  if (!config.url) {
    console.warn("No DATABASE_URL or DATABASE_PATH: actions that need the database will refuse.");
    return;
  }
  if (config.embedded) {
    // A second process on the same folder is refused by serveEmbeddedDatabase's lock, and one on the same
    // port by the port itself, so this can only ever succeed in the folder's one owner.
    const { serveEmbeddedDatabase } = await import("./embedded/serve.ts");
    const embedded = await serveEmbeddedDatabase(config.embedded);
    console.log(`Embedded database ${embedded.dataDir} served on ${embedded.url}`);
    const close = () => void embedded.close();
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
  }
  if (config.migrateOnStart && config.directUrl) {
    try {
      const { applied, status } = await migrateDatabase({ connectionString: config.directUrl });
      console.log(
        `Database migrations: ${status.applied} of ${status.known} applied` +
          (applied.length > 0 ? ` (now: ${applied.join(", ")})` : ""),
      );
    } catch (error) {
      if (error instanceof SchemaNewerThanCodeError || error instanceof MigrationJournalError)
        throw error;
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      console.error(
        `Database not migrated: ${error.reason}. /api/ready reports it until it is reachable.`,
      );
    }
  }
  const timer = setInterval(() => {
    deleteExpiredRows({ retentionDays: config.activityRetentionDays }).catch((error: unknown) => {
      console.error(
        `Deleting expired rows failed: ${error instanceof Error ? error.message : error}`,
      );
    });
  }, CLEANUP_EVERY_MS);
  timer.unref();
}

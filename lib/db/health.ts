import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "./client.ts";
import { readDatabaseConfig } from "./config.ts";
import { SchemaNewerThanCodeError, unavailableReason } from "./errors.ts";
import { defaultMigrationsFolder, migrationStatus, readJournal } from "./migrate.ts";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/**
 * Whether the app can use its database: reachable, and migrated to exactly this code's schema. `reason` is a
 * short fixed phrase or an error code, never a connection string.
 */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const config = readDatabaseConfig(process.env);
  if (!config.url) return { ok: false, reason: "DATABASE_URL is not set" };
  try {
    const db = getDatabase();
    await db.execute(sql`select 1`);
    const journal = await readJournal(defaultMigrationsFolder());
    const status = await db.$client.connect().then(async (client) => {
      try {
        return await migrationStatus(client, journal);
      } finally {
        client.release();
      }
    });
    if (status.pending.length > 0) {
      return {
        ok: false,
        reason: `${status.pending.length} migration(s) not applied: run npm run db:migrate or set DATABASE_MIGRATE_ON_START=true`,
      };
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof SchemaNewerThanCodeError)
      return { ok: false, reason: "schema is newer than this version of the app" };
    return { ok: false, reason: unavailableReason(error) ?? "query failed (see the server log)" };
  }
}

import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { readDatabaseConfig } from "./config.ts";
import { createPool } from "./pool.ts";
import { DatabaseUnavailableError, toDatabaseError } from "./errors.ts";
import * as schema from "./schema.ts";

export type Database = NodePgDatabase<typeof schema> & { $client: Pool };

type Handle = { pool: Pool; db: Database };

// One pool per process: Next bundles pages, route handlers and instrumentation separately, and module state
// is per bundle, so a module-level variable would open one pool per bundle.
const KEY = Symbol.for("trail-imports.db");
const registry = globalThis as typeof globalThis & { [KEY]?: Handle };

/** Wraps an existing pool (tests, the migration CLI) in the typed Drizzle handle the queries use. */
export function databaseFor(pool: Pool): Database {
  return drizzle({ client: pool, schema });
}

/**
 * The app's database, opened lazily on first use. Throws {@link DatabaseUnavailableError} when neither
 * DATABASE_URL nor DATABASE_PATH is set, so a missing setting surfaces as a clear refusal.
 */
export function getDatabase(): Database {
  const existing = registry[KEY];
  if (existing) return existing.db;
  const config = readDatabaseConfig(process.env);
  if (!config.url) throw new DatabaseUnavailableError("DATABASE_URL is not set");
  const pool = createPool(config.url, config.poolMax);
  const handle = { pool, db: databaseFor(pool) };
  registry[KEY] = handle;
  return handle.db;
}

/** Runs `work` against the app's database, turning connection failures into DatabaseUnavailableError. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  try {
    return await work(getDatabase());
  } catch (error) {
    throw toDatabaseError(error);
  }
}

/** Closes the process's pool (graceful shutdown, tests). */
export async function closeDatabase(): Promise<void> {
  const handle = registry[KEY];
  registry[KEY] = undefined;
  await handle?.pool.end();
}

import "server-only";
import { getDatabase, type Database } from "./client.ts";
import { toDatabaseError } from "./errors.ts";

/** The database a query module uses: the one passed in (tests), else the app's. */
export function resolveDatabase(db: Database | undefined): Database {
  return db ?? getDatabase();
}

/** Runs one query, turning connection failures into DatabaseUnavailableError. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDatabaseError(error);
  }
}

// Not marked server-only: `npm run db:migrate` and the local world run it under plain Node.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { z } from "zod";
import { MigrationJournalError, SchemaNewerThanCodeError, toDatabaseError } from "./errors.ts";

const LOCK_NAME = "trail-imports:migrate";
const TABLE = `"drizzle"."__drizzle_migrations"`;

/** Where the SQL lives, relative to the working directory (the repository, or the standalone server). */
export function defaultMigrationsFolder(): string {
  return resolve(process.cwd(), "lib/db/migrations");
}

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string().min(1) })),
});

export type JournalEntry = { tag: string; when: number; hash: string };

/**
 * Reads the journal and hashes each file as drizzle does. Refuses a journal whose `when` values do not
 * strictly increase: drizzle applies only entries newer than the last applied one, so an out-of-order entry
 * (a merged branch, a renumbered file) would be skipped while the run still reports success.
 */
export async function readJournal(folder: string): Promise<JournalEntry[]> {
  const raw: unknown = JSON.parse(await readFile(`${folder}/meta/_journal.json`, "utf8"));
  const journal = journalSchema.parse(raw);
  const entries: JournalEntry[] = [];
  for (const entry of journal.entries) {
    const previous = entries.at(-1);
    if (previous && entry.when <= previous.when) {
      throw new MigrationJournalError(
        `Migration ${entry.tag} is dated ${entry.when}, not after ${previous.tag} (${previous.when}); ` +
          "it would be skipped. Regenerate it with `npm run db:generate` after the newest migration.",
      );
    }
    const sql = await readFile(`${folder}/${entry.tag}.sql`, "utf8");
    entries.push({
      tag: entry.tag,
      when: entry.when,
      hash: createHash("sha256").update(sql).digest("hex"),
    });
  }
  return entries;
}

type AppliedRow = { hash: string; created_at: string | number };

async function appliedMigrations(client: pg.ClientBase): Promise<{ hash: string; when: number }[]> {
  const exists = await client.query<{ found: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as found",
  );
  if (!exists.rows[0]?.found) return [];
  const { rows } = await client.query<AppliedRow>(
    `select hash, created_at from ${TABLE} order by created_at`,
  );
  // bigint arrives as a string from PostgreSQL and as a number from PGlite.
  return rows.map((row) => ({ hash: row.hash, when: Number(row.created_at) }));
}

export type MigrationStatus = {
  known: number;
  applied: number;
  /** Journal tags not yet applied, oldest first. */
  pending: string[];
  /** Applied tags whose file changed since; drizzle never re-checks them. */
  edited: string[];
};

/** Compares the database with the journal; throws SchemaNewerThanCodeError if it holds unknown migrations. */
export async function migrationStatus(
  client: pg.ClientBase,
  journal: JournalEntry[],
): Promise<MigrationStatus> {
  const applied = await appliedMigrations(client);
  const byWhen = new Map(journal.map((entry) => [entry.when, entry]));
  const unknown = applied.filter((row) => !byWhen.has(row.when));
  if (unknown.length > 0) {
    throw new SchemaNewerThanCodeError(
      `The database has ${unknown.length} migration(s) this version of Trail Imports does not know ` +
        `(newest dated ${Math.max(...unknown.map((r) => r.when))}). A newer version migrated it: run that ` +
        "version, or restore a backup taken before it.",
    );
  }
  const appliedWhen = new Set(applied.map((row) => row.when));
  return {
    known: journal.length,
    applied: applied.length,
    pending: journal.filter((entry) => !appliedWhen.has(entry.when)).map((entry) => entry.tag),
    edited: applied
      .filter((row) => byWhen.get(row.when)?.hash !== row.hash)
      .map((row) => byWhen.get(row.when)?.tag ?? String(row.when)),
  };
}

export type MigrateResult = { applied: string[]; status: MigrationStatus };

/**
 * Applies pending migrations on a dedicated connection holding a session advisory lock, so replicas starting
 * together take turns (drizzle's migrator takes no lock, and concurrent runs collide on CREATE TYPE/TABLE).
 * Pass a direct URL: a transaction-mode pooler cannot hold a session lock. Refuses a database whose schema is
 * newer than this code, and checks afterwards that every journal entry is recorded exactly once.
 */
export async function migrateDatabase(opts: {
  connectionString: string;
  migrationsFolder?: string;
}): Promise<MigrateResult> {
  const folder = opts.migrationsFolder ?? defaultMigrationsFolder();
  const journal = await readJournal(folder);
  const client = new pg.Client({
    connectionString: opts.connectionString,
    connectionTimeoutMillis: 10_000,
  });
  let connected = false;
  try {
    await client.connect();
    connected = true;
    await client.query("select pg_advisory_lock(hashtext($1))", [LOCK_NAME]);
    const before = await migrationStatus(client, journal);
    if (before.pending.length > 0) {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
    }
    const after = await migrationStatus(client, journal);
    if (after.pending.length > 0 || after.applied !== journal.length) {
      throw new MigrationJournalError(
        `After migrating, the database records ${after.applied} migration(s) for ${journal.length} in ` +
          `the journal (not applied: ${after.pending.join(", ") || "none"}).`,
      );
    }
    return { applied: before.pending, status: after };
  } catch (error) {
    throw toDatabaseError(error);
  } finally {
    if (connected) {
      // Ending the session releases the lock even if the unlock itself fails.
      await client
        .query("select pg_advisory_unlock(hashtext($1))", [LOCK_NAME])
        .catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

/** The status without changing anything: for readiness when migrating on start is off. */
export async function readMigrationStatus(opts: {
  connectionString: string;
  migrationsFolder?: string;
}): Promise<MigrationStatus> {
  const journal = await readJournal(opts.migrationsFolder ?? defaultMigrationsFolder());
  const client = new pg.Client({
    connectionString: opts.connectionString,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw toDatabaseError(error);
  }
  try {
    return await migrationStatus(client, journal);
  } catch (error) {
    throw toDatabaseError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

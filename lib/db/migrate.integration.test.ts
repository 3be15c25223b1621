import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationJournalError, SchemaNewerThanCodeError } from "./errors.ts";
import { defaultMigrationsFolder, migrateDatabase, readJournal } from "./migrate.ts";
import { describeEachDatabase } from "./testing/targets.ts";

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from "drizzle"."__drizzle_migrations"`,
    );
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

const journalLength = async () => (await readJournal(defaultMigrationsFolder())).length;

describeEachDatabase("migrateDatabase", (db, kind) => {
  it("records each journal entry exactly once, and a second run applies nothing", async () => {
    const again = await migrateDatabase({ connectionString: db().url });
    expect(again.applied).toEqual([]);
    expect(again.status.pending).toEqual([]);
    expect(await count(db().url)).toBe(await journalLength());
  });

  // PGlite serves every connection from one session and has one database, so this is PostgreSQL's alone.
  if (kind === "postgres") {
    it("lets four replicas migrate a fresh database at once: all succeed, one row per migration", async () => {
      const fresh = db().fresh;
      if (!fresh) throw new Error("PostgreSQL targets create fresh databases.");
      const url = await fresh();
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => migrateDatabase({ connectionString: url })),
      );
      expect(results.map((r) => r.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);
      const applied = results.flatMap((r) => (r.status === "fulfilled" ? r.value.applied : []));
      expect(applied).toHaveLength(await journalLength());
      expect(await count(url)).toBe(await journalLength());
    });
  }

  it("refuses a database migrated by a newer version of the code", async () => {
    const client = new pg.Client({ connectionString: db().url });
    await client.connect();
    const future = Date.now() + 365 * 86_400_000;
    try {
      await client.query(
        `insert into "drizzle"."__drizzle_migrations" (hash, created_at) values ('future', $1)`,
        [future],
      );
      await expect(migrateDatabase({ connectionString: db().url })).rejects.toBeInstanceOf(
        SchemaNewerThanCodeError,
      );
    } finally {
      await client.query(`delete from "drizzle"."__drizzle_migrations" where hash = 'future'`);
      await client.end();
    }
  });
});

describe("readJournal", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "trail-imports-journal-"));
    await cp(defaultMigrationsFolder(), folder, { recursive: true });
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("refuses an entry dated before the one it follows, which drizzle would skip silently", async () => {
    const path = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(path, "utf8")) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const first = journal.entries[0];
    if (!first) throw new Error("The journal has no entries.");
    journal.entries.push({ ...first, idx: 1, when: first.when - 1, tag: "0001_merged_branch" });
    await writeFile(path, JSON.stringify(journal));
    await writeFile(join(folder, "0001_merged_branch.sql"), "select 1;");
    await expect(readJournal(folder)).rejects.toBeInstanceOf(MigrationJournalError);
  });
});

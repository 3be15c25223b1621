import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { serveEmbeddedDatabase } from "../embedded/serve.ts";
import { migrateDatabase } from "../migrate.ts";
import { PG_BIN, postgresInstalled, startPostgresCluster } from "./postgres-cluster.ts";

/** A migrated database for one test file, and a way to open more pools on it. */
export type TestDatabase = {
  kind: "postgres" | "pglite";
  url: string;
  /** A new pool on the same database (closed after the file): separate pools stand in for replicas. */
  pool(): pg.Pool;
  /** A new, unmigrated database; PostgreSQL only (PGlite serves one database per process). */
  fresh?: () => Promise<string>;
};

async function openPostgres(): Promise<{ db: Omit<TestDatabase, "pool">; stop(): Promise<void> }> {
  const cluster = await startPostgresCluster();
  const url = await cluster.createDatabase();
  return {
    db: { kind: "postgres", url, fresh: () => cluster.createDatabase() },
    stop: () => cluster.stop(),
  };
}

async function openPglite(): Promise<{ db: Omit<TestDatabase, "pool">; stop(): Promise<void> }> {
  // In memory, but through the socket server: the same node-postgres path the app takes.
  const embedded = await serveEmbeddedDatabase({ dataDir: undefined, port: 0 });
  return { db: { kind: "pglite", url: embedded.url }, stop: () => embedded.close() };
}

/**
 * Runs `suite` once against a throwaway PostgreSQL 15 cluster and once against PGlite over its socket, each
 * migrated. Where no PostgreSQL server is installed, a describe whose name says so stands in for the first.
 */
export function describeEachDatabase(
  name: string,
  suite: (db: () => TestDatabase, kind: TestDatabase["kind"]) => void,
): void {
  const targets = [
    ...(postgresInstalled()
      ? [{ label: "PostgreSQL 15", kind: "postgres" as const, open: openPostgres }]
      : []),
    { label: "PGlite over pglite-socket", kind: "pglite" as const, open: openPglite },
  ];
  if (!postgresInstalled()) {
    describe(`${name} on PostgreSQL: no server in ${PG_BIN}, so this file ran on PGlite only`, () => {
      it("has no PostgreSQL server to start", () => {
        expect(postgresInstalled()).toBe(false);
      });
    });
  }
  for (const target of targets) {
    describe(`${name} (${target.label})`, () => {
      let current: TestDatabase | undefined;
      let stop: (() => Promise<void>) | undefined;
      const pools: pg.Pool[] = [];
      beforeAll(async () => {
        const opened = await target.open();
        stop = opened.stop;
        await migrateDatabase({ connectionString: opened.db.url });
        current = {
          ...opened.db,
          pool() {
            const pool = new pg.Pool({ connectionString: opened.db.url, max: 4 });
            pools.push(pool);
            return pool;
          },
        };
      }, 60_000);
      afterAll(async () => {
        await Promise.all(pools.map((pool) => pool.end()));
        await stop?.();
      }, 30_000);
      suite(() => {
        if (!current) throw new Error("The test database did not start.");
        return current;
      }, target.kind);
    });
  }
}

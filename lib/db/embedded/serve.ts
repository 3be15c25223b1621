// Not marked server-only: the local world runs it under plain Node.
import { mkdir, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { loopbackUrl } from "./loopback-url.ts";
import { claimDirectory } from "./owner-lock.ts";

export type EmbeddedDatabase = { url: string; dataDir: string; close(): Promise<void> };

/**
 * Opens a PGlite data directory (or memory when `dataDir` is undefined) and serves it over the Postgres wire
 * protocol on loopback, so every client, however many processes, speaks node-postgres to the one process
 * that owns the directory.
 *
 * The server multiplexes all connections onto PGlite's single session: an open transaction makes the other
 * connections wait, and advisory locks exclude nobody. Code that needs real session isolation must run
 * against PostgreSQL. There is no TLS and no password check, hence loopback only.
 */
export async function serveEmbeddedDatabase(opts: {
  dataDir: string | undefined;
  port: number;
  maxConnections?: number;
  /** Empties the folder first, once this process holds it. */
  reset?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = opts.dataDir === undefined ? "memory://" : resolve(opts.dataDir);
  let release = () => {};
  if (opts.dataDir !== undefined) {
    await mkdir(dirname(dataDir), { recursive: true });
    release = claimDirectory(`${dataDir}.lock`, dataDir);
    if (opts.reset) await rm(dataDir, { recursive: true, force: true });
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: opts.port,
      // Next's dev server runs several workers, each with its own small pool, plus the migration CLI.
      maxConnections: opts.maxConnections ?? 64,
    });
    await server.start();
    const port = Number(server.getServerConn().split(":").at(-1));
    const opened = db;
    return {
      url: loopbackUrl(port),
      dataDir,
      async close() {
        await server.stop();
        // Closing checkpoints the WAL; skipping it can leave a directory PGlite cannot reopen.
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    throw error;
  }
}

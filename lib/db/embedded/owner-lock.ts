// Not marked server-only: the local world runs it under plain Node.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

type Owner = { pid: number; host: string; since: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

function readOwner(path: string): Owner | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, since } = value as Record<string, unknown>;
    return typeof pid === "number" && typeof host === "string" && typeof since === "string"
      ? { pid, host, since }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims `path` (beside, never inside, a PGlite data directory) for this process. PGlite takes no lock of its
 * own, and two processes writing one directory lose rows and corrupt indexes without any error, so a second
 * owner must be refused. A lock left by a dead process on this host is taken over; one from another host
 * (a shared volume) cannot be checked and is reported instead.
 * @returns a function that releases the claim.
 */
export function claimDirectory(path: string, dataDir: string): () => void {
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: "wx" });
      return () => {
        if (readOwner(path)?.pid === me.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const owner = readOwner(path);
    const stale = owner === undefined || (owner.host === me.host && !alive(owner.pid));
    if (!stale) {
      throw new Error(
        `The database folder ${dataDir} is already open in process ${owner.pid} on ${owner.host} ` +
          `(since ${owner.since}). Only one process may open it: stop that one, or if it is gone, ` +
          `delete ${path}.`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new Error(`Could not claim ${path}: another process keeps taking it.`);
}

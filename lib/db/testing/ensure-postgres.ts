// Vitest global setup for the integration layer: the database tests run against a real PostgreSQL 15
// server as well as PGlite. Where the server is missing and this is root on Debian, install Debian's
// package (as `npm test` does for Chromium); otherwise say once that the PostgreSQL layer is skipped.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { PG_BIN, postgresInstalled } from "./postgres-cluster.ts";

function canUseApt(): boolean {
  return (
    process.getuid?.() === 0 && existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get")
  );
}

export default function ensurePostgres(): void {
  if (postgresInstalled()) return;
  if (canUseApt() && !process.env.PG_BIN) {
    console.log(
      "No PostgreSQL server found: installing Debian's postgresql-15 package (one time)…",
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
      execFileSync("apt-get", ["install", "-y", "-qq", "postgresql-15"], { stdio: "inherit", env });
    } catch {
      // Reported below: the database tests still run on PGlite.
    }
  }
  if (!postgresInstalled()) {
    console.log(
      `No PostgreSQL server in ${PG_BIN}: the database tests run on PGlite only (set PG_BIN to a PostgreSQL bin folder to add the server layer).`,
    );
  }
}

// Not marked server-only: `npm run db:migrate` and the local world run this file under plain Node.
// Relative `.ts` imports only, for the same reason.
import { z } from "zod";
import { loopbackUrl } from "./embedded/loopback-url.ts";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL");

const flag = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true");

/** The database variables, validated by lib/env.ts at start-up and read here by the database layer. */
export const databaseEnvShape = {
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_DIRECT_URL: postgresUrl.optional(),
  DATABASE_PATH: z.string().min(1).optional(),
  DATABASE_EMBEDDED_PORT: z.coerce.number().int().min(1).max(65_535).default(4_601),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  DATABASE_MIGRATE_ON_START: flag.optional(),
  ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
};

const databaseEnvSchema = z.object(databaseEnvShape);

/** Where the app's one node-postgres pool connects, and who owns the embedded data directory if any. */
export type DatabaseConfig = {
  /** What the pool connects to; `undefined` when neither DATABASE_URL nor DATABASE_PATH is set. */
  url: string | undefined;
  /** For migrations and session advisory locks, which a transaction-mode pooler cannot hold. */
  directUrl: string | undefined;
  /** Set when this process owns a PGlite directory and serves it to itself on loopback. */
  embedded: { dataDir: string; port: number } | undefined;
  poolMax: number;
  migrateOnStart: boolean;
  activityRetentionDays: number;
};

/** The PGlite socket server accepts any user and has no TLS; this is the URL that reaches it. */

/** Reads the database variables from `source` (normally `process.env`); throws naming each bad one. */
export function readDatabaseConfig(source: Record<string, string | undefined>): DatabaseConfig {
  const parsed = databaseEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid database configuration:\n  - ${lines.join("\n  - ")}`);
  }
  const env = parsed.data;
  // A server URL wins: DATABASE_PATH is for a single container without one.
  const embedded =
    env.DATABASE_URL === undefined && env.DATABASE_PATH !== undefined
      ? { dataDir: env.DATABASE_PATH, port: env.DATABASE_EMBEDDED_PORT }
      : undefined;
  const url = env.DATABASE_URL ?? (embedded ? loopbackUrl(embedded.port) : undefined);
  // Whoever owns an embedded directory migrates it; against a shared server, production opts in.
  const migrateDefault = embedded !== undefined || source.NODE_ENV !== "production";
  return {
    url,
    directUrl: env.DATABASE_DIRECT_URL ?? url,
    embedded,
    poolMax: env.DATABASE_POOL_MAX,
    migrateOnStart: env.DATABASE_MIGRATE_ON_START ?? migrateDefault,
    activityRetentionDays: env.ACTIVITY_RETENTION_DAYS,
  };
}

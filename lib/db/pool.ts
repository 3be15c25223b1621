// Not marked server-only: the migration CLI and the local world use it under plain Node.
import pg from "pg";

const CONNECT_TIMEOUT_MS = 5_000;
// Short, so a serverless instance that goes idle soon holds no connection (a suspended instance cannot close
// its sockets, and the server keeps them until its own timeout).
const IDLE_TIMEOUT_MS = 5_000;

/**
 * A node-postgres pool sized for serverless and small servers alike: connections in use equal requests in
 * flight, so a few per instance suffice; a pooled endpoint (Neon `-pooler`, RDS Proxy) multiplies further.
 */
export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Lets a CLI exit once its work is done instead of waiting for idle clients to time out.
    allowExitOnIdle: true,
    application_name: "trail-imports",
  });
  // An idle client's connection dropping (server restart, failover) is not a bug: the next query reconnects.
  pool.on("error", (error) => {
    console.error(`Database connection lost: ${error.message}`);
  });
  return pool;
}

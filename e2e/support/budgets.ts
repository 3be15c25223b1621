// Rate-limit windows live in the app's database and outlast a single test, so a test that counts
// a budget starts from a fresh window (and leaves none half-spent for the specs after it).
import pg from "pg";

/** Deletes the rate-limit rows whose key starts with `prefix` (e.g. `caller-aws:` or `action:alice`). */
export async function resetBudgets(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("delete from rate_limits where key like $1", [`${prefix}%`]);
  } finally {
    await client.end();
  }
}

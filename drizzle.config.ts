import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL from lib/db/schema.ts and needs no database. Applying it is
// `npm run db:migrate` (lib/db/migrate.ts), which adds the locking and checks drizzle-kit lacks.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
  strict: true,
  verbose: true,
});

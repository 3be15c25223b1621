import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests run server modules directly.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
    ],
  },
  test: {
    // .ci/run sets this to sum results into its closing line.
    reporters: process.env.VITEST_JSON_OUTPUT_FILE ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON_OUTPUT_FILE,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,app,local}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          globalSetup: ["lib/db/testing/ensure-postgres.ts"],
          include: ["{lib,local,test}/**/*.integration.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own local world on its own ports and data folder.
          fileParallelism: true,
        },
      },
    ],
  },
});

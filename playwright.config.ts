import { loadEnvConfig } from "@next/env";
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { findChromium } from "./e2e/support/chromium";

// The app under test gets exactly the local world's committed configuration.
loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

// Ports come from the env files, so a `.env.development.local` can move the whole world (e.g. to run two
// suites on one machine) without touching this file.
const APP_URL = new URL(process.env.NEXTAUTH_URL ?? "http://127.0.0.1:3000").origin;
/** e2e/portal/server.mts serves an allowed portal here and a refused one on the next port, on another site. */
const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 5175);
const PORTAL_URL = `http://localhost:${PORTAL_PORT}`;
// Specs read these (workers inherit the runner's environment).
process.env.E2E_PORTAL_URL = PORTAL_URL;
process.env.E2E_FOREIGN_PORTAL_URL = `http://localhost:${PORTAL_PORT + 1}`;
// A second server of the same build is the portal-embedded deployment (EMBED_ALLOWED_ORIGINS set), so the
// main suite runs on the default configuration: SameSite=Lax cookies, frame-ancestors 'none'.
const EMBED_APP_URL = `http://127.0.0.1:${Number(new URL(APP_URL).port) + 1}`;
process.env.E2E_EMBED_APP_URL = EMBED_APP_URL;
const IDP_URL = process.env.OIDC_ISSUER ?? "http://127.0.0.1:4600";

const reporter: ReporterDescription[] = [[process.env.CI ? "list" : "line"]];
if (process.env.PLAYWRIGHT_JSON_OUTPUT_FILE) reporter.push(["json"]);

const serverEnv = Object.fromEntries(
  Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One shared local world (IdP sessions, the one-ongoing-import rule) means tests run one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a test that passes only on a second try is a flaky test, and it must show.
  retries: 0,
  reporter,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium() },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/operator.json" },
    },
  ],
  webServer: [
    {
      name: "local world",
      command: "node local/main.ts --reset --data .local-e2e",
      url: `${IDP_URL}/.well-known/openid-configuration`,
      env: {
        ...serverEnv,
        LOCAL_LAKE_PACE: process.env.E2E_LAKE_PACE ?? "120",
        LOCAL_IDP_EXTRA_REDIRECT_URIS: `${EMBED_APP_URL}/api/auth/callback/oidc`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "app",
      // The standalone server is what the container runs; `npm run build` prepared it.
      command: "node .next/standalone/server.js",
      url: `${APP_URL}/api/health`,
      env: {
        ...serverEnv,
        NODE_ENV: "production",
        PORT: new URL(APP_URL).port || "80",
        HOSTNAME: "127.0.0.1",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "app (embedding)",
      command: "node .next/standalone/server.js",
      url: `${EMBED_APP_URL}/api/health`,
      env: {
        ...serverEnv,
        NEXTAUTH_URL: EMBED_APP_URL,
        // Only the first portal may frame it; this also makes session cookies Partitioned (e2e/embed.spec.ts).
        EMBED_ALLOWED_ORIGINS: PORTAL_URL,
        NODE_ENV: "production",
        PORT: new URL(EMBED_APP_URL).port,
        HOSTNAME: "127.0.0.1",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "portal",
      command: "node e2e/portal/server.mts",
      url: `${PORTAL_URL}/health`,
      env: { PORTAL_APP_URL: EMBED_APP_URL, PORTAL_PORTS: `${PORTAL_PORT},${PORTAL_PORT + 1}` },
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});

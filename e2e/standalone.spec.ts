import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";

// The container runs `node server.js` from the standalone build; a bad environment must stop it at start-up.

/** A port nobody listens on: server.js treats PORT=0 as "use 3000", where the suite's app already runs. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

const started: ChildProcess[] = [];

// Had the server started anyway, the test times out waiting for its exit; don't leave it running.
test.afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

// server.js logs "Ready in …" before it loads the app; instrumentation's register() runs right after, so the
// process does print Ready and only then exits.
async function startWith(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const port = String(await freePort());
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [".next/standalone/server.js"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: port,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    started.push(child);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test.describe("standalone server start-up", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a bad or missing environment stops the server, naming each variable", async () => {
    const { code, output } = await startWith({
      OIDC_ISSUER: "not-a-url",
      OIDC_CLIENT_ID: "trail-imports",
      NEXTAUTH_URL: "http://127.0.0.1:3999",
      NEXTAUTH_SECRET: "too-short",
      EMBED_ALLOWED_ORIGINS: "http://portal.corp.example",
    });
    expect(code).toBe(1);
    expect(output).toContain("Invalid environment configuration");
    expect(output).toContain("OIDC_ISSUER: must be the issuer URL of your OIDC provider");
    expect(output).toContain("OIDC_CLIENT_SECRET: is required");
    expect(output).toContain("OPERATOR_GROUPS: is required");
    expect(output).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
    expect(output).toMatch(/EMBED_ALLOWED_ORIGINS\.0: .*http only for localhost/);
    expect(output).toContain("Trail Imports did not start");
  });

  test("production refuses http off loopback, foreign endpoint overrides and the committed secrets", async () => {
    const { code, output } = await startWith({
      OIDC_ISSUER: "http://login.corp.example",
      OIDC_CLIENT_ID: "trail-imports",
      OIDC_CLIENT_SECRET: "local-world-client-secret",
      OPERATOR_GROUPS: "imports-operators",
      NEXTAUTH_URL: "https://imports.corp.example",
      NEXTAUTH_SECRET: "local-world-nextauth-secret-0123456789abcdef",
      CLOUDTRAIL_ENDPOINT: "https://cloudtrail.attacker.example",
      STS_ENDPOINT: "http://sts.us-east-1.amazonaws.com",
    });
    expect(code).toBe(1);
    expect(output).toContain("OIDC_ISSUER: must be https in production (http only for loopback)");
    expect(output).toMatch(
      /CLOUDTRAIL_ENDPOINT: in production may only point at an https AWS endpoint/,
    );
    expect(output).toMatch(/STS_ENDPOINT: in production may only point at an https AWS endpoint/);
    expect(output).toMatch(/NEXTAUTH_SECRET: is a development value committed to the repository/);
    expect(output).toMatch(
      /OIDC_CLIENT_SECRET: is a development value committed to the repository/,
    );
  });
});

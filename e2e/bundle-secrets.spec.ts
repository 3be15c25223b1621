// No server secret or credential in any client bundle. Scans the build output the browser can
// download (.next/static, and public/) for the server-only values of .env.development, AWS access key
// ids, and private keys. Runs in `npm test` after `npm run build`, like every e2e spec.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { cookieHeader } from "./support/actions";
import { APP_ORIGIN, expect, STORAGE_STATE, test } from "./fixtures";

const ROOT = process.cwd();
const SECRET_NAMES = [
  "NEXTAUTH_SECRET",
  "OIDC_CLIENT_SECRET",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
];

/** AWS long-term (AKIA) and temporary (ASIA) key ids, and PEM private keys. */
const PATTERNS: [string, RegExp][] = [
  ["AWS access key id", /\b(AKIA|ASIA)[A-Z0-9]{12,}\b/],
  ["private key", /-----BEGIN (RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test.describe("client bundles", () => {
  const files = [...filesUnder(join(ROOT, ".next/static")), ...filesUnder(join(ROOT, "public"))];
  const env = parseEnv(readFileSync(join(ROOT, ".env.development"), "utf8"));

  test("the scan sees the client build", () => {
    expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
  });

  test("carry no server secret from the environment", () => {
    const secrets = SECRET_NAMES.map(
      (name) => [name, env[name] ?? process.env[name] ?? ""] as const,
    ).filter(([, value]) => value.length >= 8);
    expect(secrets.map(([name]) => name)).toEqual(SECRET_NAMES);
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [name, value] of secrets)
        if (text.includes(value)) leaks.push(`${name} in ${file}`);
    }
    expect(leaks).toEqual([]);
  });

  test("carry no AWS key id or private key", () => {
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [label, pattern] of PATTERNS) {
        const match = pattern.exec(text);
        if (match) hits.push(`${label} ${match[0]} in ${file}`);
      }
    }
    expect(hits).toEqual([]);
  });

  test("the server action encryption key stays on the server", () => {
    // next 16.4.6 writes it into the server manifest (notes f); it must never be copied to the client.
    const manifest = JSON.parse(
      readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
    ) as { encryptionKey?: string };
    const key = manifest.encryptionKey ?? "";
    expect(key.length).toBeGreaterThan(10);
    expect(files.filter((file) => readFileSync(file, "utf8").includes(key))).toEqual([]);
  });
});

/** Server-only values of the local world that no response and no file in the image may carry. */
function serverSecrets(): (readonly [string, string])[] {
  const env = parseEnv(readFileSync(join(ROOT, ".env.development"), "utf8"));
  return SECRET_NAMES.filter((name) => name !== "AWS_ACCESS_KEY_ID")
    .map((name) => [name, env[name] ?? process.env[name] ?? ""] as const)
    .filter(([, value]) => value.length >= 8);
}

test.describe("server output", () => {
  test("server-rendered HTML carries no server secret, signed in or out", async () => {
    const secrets = serverSecrets();
    expect(secrets).toHaveLength(3);
    const leaks: string[] = [];
    for (const cookie of [cookieHeader(STORAGE_STATE.operator), ""]) {
      for (const path of ["/imports", "/imports/new", "/sign-in", "/sign-in/error?error=Default"]) {
        const response = await fetch(`${APP_ORIGIN}${path}`, {
          headers: cookie ? { Cookie: cookie } : {},
          redirect: "manual",
        });
        const html = await response.text();
        for (const [name, value] of secrets)
          if (html.includes(value)) leaks.push(`${name} in ${path}${cookie ? " (signed in)" : ""}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  test("the standalone server (what the image holds) carries no .env file and no secret value", () => {
    const standalone = join(ROOT, ".next/standalone");
    const files = filesUnder(standalone).filter((file) => !file.includes("/node_modules/"));
    expect(files.some((file) => file.endsWith("server.js"))).toBe(true);
    expect(files.filter((file) => /\/\.env[^/]*$/.test(file))).toEqual([]);
    const secrets = serverSecrets();
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [name, value] of secrets)
        if (text.includes(value)) leaks.push(`${name} in ${file}`);
    }
    expect(leaks).toEqual([]);
  });
});

// Starts the app for the local world on the host and port of NEXTAUTH_URL, so a `.env.development.local`
// that moves NEXTAUTH_URL moves the server too (next dev and the standalone server only read PORT):
//   node local/run-app.ts dev     next dev (npm run dev)
//   node local/run-app.ts start   the standalone build on the local world's settings (npm run start:local)
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { loadLocalEnv, ROOT } from "./env.ts";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: node local/run-app.ts dev|start");
  process.exit(2);
}

loadLocalEnv();
const appUrl = new URL(process.env.NEXTAUTH_URL ?? "http://127.0.0.1:3000");
const port = appUrl.port || (appUrl.protocol === "https:" ? "443" : "80");
const hostname = appUrl.hostname.replace(/^\[|\]$/g, "");

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const args =
  mode === "dev"
    ? [nextBin, "dev", "--hostname", hostname, "--port", port]
    : [join(ROOT, ".next/standalone/server.js")];
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  HOSTNAME: hostname,
  ...(mode === "start" ? { NODE_ENV: "production" } : {}),
};

const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

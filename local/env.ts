// The local world reads the same environment files as `next dev` and the e2e suite: values already in
// the environment win, then .env.development.local, then .env.development. So a `.env.development.local`
// that moves the ports or the data folder moves every script that starts a part of the world.
import { resolve } from "node:path";
import nextEnv from "@next/env";

export const ROOT = resolve(import.meta.dirname, "..");

export function loadLocalEnv(): void {
  nextEnv.loadEnvConfig(ROOT, true, { info: () => {}, error: console.error });
}

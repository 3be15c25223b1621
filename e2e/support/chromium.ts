// Finds a Chromium for Playwright, installing one where this machine allows it, so `npm test` needs no
// browser set up by hand. Playwright cannot download its own browser on machines without internet access,
// which is why Debian's package comes before `playwright install`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function candidates(): Array<string | undefined> {
  return [process.env.PLAYWRIGHT_CHROMIUM_PATH, chromium.executablePath(), DEBIAN_CHROMIUM];
}

function firstExisting(): string | undefined {
  return candidates().find((path): path is string => Boolean(path) && existsSync(path as string));
}

function canUseApt(): boolean {
  return (
    process.getuid?.() === 0 && existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get")
  );
}

function install(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (canUseApt()) {
    console.log("No Chromium found: installing Debian's chromium package (one time)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    return;
  }
  console.log("No Chromium found: running `npx playwright install chromium` (one time)…");
  execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit", env });
}

/**
 * In order: PLAYWRIGHT_CHROMIUM_PATH, a Chromium Playwright already has, Debian's /usr/bin/chromium, then
 * an install (apt as root on Debian, otherwise Playwright's own download). Throws one line saying what to
 * do when none of that works. A PLAYWRIGHT_CHROMIUM_PATH that does not exist is an error, not a fallback.
 */
export function findChromium(): string {
  const named = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (named && !existsSync(named)) {
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${named}, which does not exist.`);
  }
  const found = firstExisting();
  if (found) return found;
  try {
    install();
  } catch {
    // The message below says what to do; the installer has already printed why it failed.
  }
  const installed = firstExisting();
  if (installed) return installed;
  throw new Error(
    "No Chromium for the e2e tests: install one (Debian: `apt-get install -y chromium`, elsewhere `npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_PATH.",
  );
}

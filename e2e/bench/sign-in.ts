// Signs in through the real local IdP in Debian's Chromium (the same steps as e2e/fixtures.ts
// signInThroughIdp) and hands back the app's cookies as one Cookie header for HTTP clients and
// Lighthouse. fixtures.ts itself is not imported: it builds Playwright Test fixtures, which only
// work inside the test runner.
import { chromium } from "@playwright/test";
import type { BenchConfig } from "./config.ts";

/** The operator demo account (local/idp/accounts.ts). */
const OPERATOR = { username: "alice", password: "demo-alice" };

/** Signs in as the operator and returns `name=value; …` for every cookie of the app's origin. */
export async function signInCookieHeader(config: BenchConfig): Promise<string> {
  const browser = await chromium.launch({ executablePath: config.chromiumPath });
  try {
    const page = await browser.newPage();
    await page.goto(`${config.appOrigin}/imports`);
    await page
      .getByRole("button", { name: /Sign in with (Company SSO|a different account)/ })
      .click();
    await page.waitForURL((url) => url.origin === config.idpOrigin);
    await page.getByLabel("User name").fill(OPERATOR.username);
    await page.getByLabel("Password").fill(OPERATOR.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.origin === config.appOrigin && url.pathname === "/imports");
    const cookies = await page.context().cookies(config.appOrigin);
    if (!cookies.some((cookie) => cookie.name.includes("session-token"))) {
      throw new Error("Signed in, but the app set no session cookie.");
    }
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

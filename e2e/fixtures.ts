import { test as base, expect, type Page } from "@playwright/test";

/** Storage states written by `auth.setup.ts`; the default project signs in as the operator. */
export const STORAGE_STATE = {
  operator: "e2e/.auth/operator.json",
  viewer: "e2e/.auth/viewer.json",
} as const;

/** A context with no cookies at all: no app session and no IdP session. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** The local IdP's demo accounts (local/idp/accounts.ts) as the tests use them. */
export const DEMO_USERS = {
  alice: {
    username: "alice",
    email: "alice@example.test",
    password: "demo-alice",
    name: "Alice Operator",
    role: "Operator",
  },
  bob: { username: "bob", password: "demo-bob", name: "Bob Viewer", role: "Viewer" },
  mallory: { username: "mallory", password: "demo-mallory", name: "Mallory Nogroups", role: null },
  eve: { username: "eve", password: "demo-eve", name: "Eve Unverified", role: null },
} as const;

export type DemoUser = (typeof DEMO_USERS)[keyof typeof DEMO_USERS];

export const IDP_ORIGIN = new URL(process.env.OIDC_ISSUER ?? "http://127.0.0.1:4600").origin;
export const APP_ORIGIN = new URL(process.env.NEXTAUTH_URL ?? "http://127.0.0.1:3000").origin;
/** The same build deployed with EMBED_ALLOWED_ORIGINS = PORTAL_ORIGIN (playwright.config.ts). */
export const EMBED_APP_ORIGIN = process.env.E2E_EMBED_APP_URL ?? "http://127.0.0.1:3001";
/** Portals served by e2e/portal/server.mts (playwright.config.ts): the first may frame the app, the second not. */
export const PORTAL_ORIGIN = process.env.E2E_PORTAL_URL ?? "http://localhost:5175";
export const FOREIGN_PORTAL_ORIGIN = process.env.E2E_FOREIGN_PORTAL_URL ?? "http://localhost:5176";

/**
 * From the app's sign-in page, goes through the real local IdP's form as `user` and waits until the browser
 * is back on the app (past next-auth's callback). Needs a context without an IdP session.
 */
export async function signInThroughIdp(page: Page, user: DemoUser): Promise<void> {
  await page
    .getByRole("button", { name: /Sign in with (Company SSO|a different account)/ })
    .click();
  await page.waitForURL((url) => url.origin === IDP_ORIGIN);
  await expect(page.getByRole("heading", { name: "Sign in to Company SSO" })).toBeVisible();
  await page.getByLabel("User name").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(
    (url) => url.origin !== IDP_ORIGIN && !url.pathname.startsWith("/api/auth"),
  );
}

/** The header's account area, which names the person and their role. */
export function accountMenu(page: Page) {
  return page.getByRole("group", { name: "Account" });
}

type Fixtures = {
  /** A page signed in as the viewer (bob), in its own context. */
  viewerPage: Page;
  /** A page in a fresh context with no cookies. */
  signedOutPage: Page;
};

export const test = base.extend<Fixtures>({
  viewerPage: async ({ browser, baseURL }, provide) => {
    const context = await browser.newContext({ baseURL, storageState: STORAGE_STATE.viewer });
    await provide(await context.newPage());
    await context.close();
  },
  signedOutPage: async ({ browser, baseURL }, provide) => {
    const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    await provide(await context.newPage());
    await context.close();
  },
});

export { expect };

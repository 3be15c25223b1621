import AxeBuilder from "@axe-core/playwright";
import { request as playwrightRequest } from "@playwright/test";
import {
  accountMenu,
  APP_ORIGIN,
  DEMO_USERS,
  expect,
  IDP_ORIGIN,
  SIGNED_OUT,
  signInThroughIdp,
  test,
} from "./fixtures";

test.describe("sign-in", () => {
  test.use({ storageState: SIGNED_OUT });

  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/imports");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fimports$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Sign in to Trail Imports" }),
    ).toBeVisible();
    await expect(page).toHaveTitle("Sign in · Trail Imports");
  });

  test("an operator signs in through Company SSO and sees the Operator role", async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.alice);
    await expect(page).toHaveURL(/\/imports$/);
    await expect(accountMenu(page)).toContainText(DEMO_USERS.alice.name);
    await expect(accountMenu(page)).toContainText("Operator");
  });

  test("a viewer signs in and sees the Viewer role", async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.bob);
    await expect(accountMenu(page)).toContainText(DEMO_USERS.bob.name);
    await expect(accountMenu(page)).toContainText("Viewer");
    await expect(accountMenu(page)).not.toContainText("Operator");
  });

  test("a deep link survives sign-in", async ({ page }) => {
    await page.goto("/imports/new");
    await expect(page).toHaveURL(/callbackUrl=%2Fimports%2Fnew/);
    await signInThroughIdp(page, DEMO_USERS.alice);
    await expect(page).toHaveURL(/\/imports\/new$/);
  });

  test("a callbackUrl pointing at another site is ignored", async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
    await signInThroughIdp(page, DEMO_USERS.bob);
    await expect(page).toHaveURL(`${baseURL}/imports`);
  });

  test("an account without groups is refused with an explanation", async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.mallory);
    await expect(page).toHaveURL(/\/sign-in\/error\?error=AccessDenied/);
    // Next's route announcer is an empty alert too, so pick ours by its title.
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "Your account has no access to Trail Imports" });
    await expect(alert).toContainText("Your account has no access to Trail Imports");
    await expect(alert).toContainText(/operator group .* viewer group/);
    await expect(
      page.getByRole("button", { name: "Sign in with a different account" }),
    ).toBeVisible();
    // No session was created.
    await page.goto("/imports");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("an operator whose email address the IdP did not verify is refused", async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.eve);
    await expect(page).toHaveURL(/\/sign-in\/error\?error=AccessDenied/);
    await page.goto("/imports");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("a refused user can switch to another account", async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.mallory);
    await expect(page).toHaveURL(/error=AccessDenied/);
    await signInThroughIdp(page, DEMO_USERS.bob);
    await expect(accountMenu(page)).toContainText("Viewer");
  });

  test("API routes answer 401 JSON instead of redirecting", async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const response = await api.get("/api/imports", { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
    await api.dispose();
  });

  test("sign-in pages and the IdP form have no accessibility violations", async ({ page }) => {
    const axe = () =>
      new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    await page.goto("/sign-in");
    expect((await axe()).violations).toEqual([]);
    await page.goto("/sign-in/error?error=AccessDenied");
    expect((await axe()).violations).toEqual([]);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Company SSO" }).click();
    await page.waitForURL((url) => url.origin === IDP_ORIGIN);
    expect((await axe()).violations).toEqual([]);
  });
});

test.describe("signed-in session", () => {
  test("a signed-in visitor skips the sign-in page", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2Fimports%2Fnew");
    await expect(page).toHaveURL(/\/imports\/new$/);
  });

  test("a signed-in visitor is never redirected off-site by a dot-segment callbackUrl", async ({
    page,
  }) => {
    for (const callbackUrl of ["/.//evil.example/phish", "/..//x", "/%2e//x", "/a/..//x"]) {
      const response = await page.request.get(
        `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`,
        { maxRedirects: 0 },
      );
      expect(response.status(), callbackUrl).toBe(307);
      const location = response.headers()["location"] ?? "";
      expect(location, callbackUrl).not.toMatch(/^(\/\/|[a-z]+:)/i);
      expect(new URL(location, APP_ORIGIN).origin, callbackUrl).toBe(APP_ORIGIN);
    }
  });

  test("the viewer's storage state carries the Viewer role", async ({ viewerPage }) => {
    await viewerPage.goto("/imports");
    await expect(accountMenu(viewerPage)).toContainText("Viewer");
  });
});

// Signing out revokes the session everywhere it lives, so these tests sign in on their own instead of
// ending the shared storage state's session, which the other specs still use.
test.describe("signing out", () => {
  test.use({ storageState: SIGNED_OUT });

  test.beforeEach(async ({ page }) => {
    await page.goto("/imports");
    await signInThroughIdp(page, DEMO_USERS.alice);
    await expect(accountMenu(page)).toContainText("Operator");
  });

  test("signing out ends the session", async ({ page }) => {
    await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status")).toContainText("You have signed out.");
    await page.goto("/imports");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fimports$/);
  });

  test("a copy of the session cookie is dead after sign-out too", async ({ page, browser }) => {
    const copy = await page.context().storageState();
    await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/signedOut=1/);
    const elsewhere = await browser.newContext({ storageState: copy });
    const replayed = await elsewhere.request.get(`${APP_ORIGIN}/api/imports`, { maxRedirects: 0 });
    expect(replayed.status()).toBe(401);
    await elsewhere.close();
  });

  test("after signing out, signing in again asks the IdP for a fresh login", async ({ page }) => {
    await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/signedOut=1/);
    await page.getByRole("button", { name: "Sign in with Company SSO" }).click();
    await page.waitForURL((url) => url.origin === IDP_ORIGIN);
    await expect(page.getByLabel("User name")).toBeVisible();
  });
});

import { type Page } from "@playwright/test";
import {
  accountMenu,
  EMBED_APP_ORIGIN as APP_ORIGIN,
  DEMO_USERS,
  expect,
  FOREIGN_PORTAL_ORIGIN,
  IDP_ORIGIN,
  PORTAL_ORIGIN,
  SIGNED_OUT,
  test,
} from "./fixtures";

// e2e/portal/server.ts: a portal on localhost (another site than the app on 127.0.0.1). Port 5175 is in the
// app's EMBED_ALLOWED_ORIGINS (playwright.config.ts); 5176 is not.
const PORTAL = PORTAL_ORIGIN;
const FOREIGN_PORTAL = FOREIGN_PORTAL_ORIGIN;

type PortalMessage = { origin: string; data: { source?: string; type?: string; height?: number } };

function portalMessages(page: Page): Promise<PortalMessage[]> {
  return page.evaluate(
    () => (window as unknown as { portalMessages: PortalMessage[] }).portalMessages,
  );
}

test.describe("embedded in a portal", () => {
  test.use({ storageState: SIGNED_OUT });

  test("an allowed portal frames the app; sign-in runs in a popup and the session lands in the frame", async ({
    page,
  }) => {
    await page.goto(`${PORTAL}/?path=/imports`);
    const frame = page.frameLocator("#app");
    await expect(
      frame.getByRole("heading", { level: 1, name: "Sign in to Trail Imports" }),
    ).toBeVisible();

    const popupOpened = page.waitForEvent("popup");
    await frame.getByRole("button", { name: "Sign in with Company SSO" }).click();
    const popup = await popupOpened;
    await popup.waitForURL((url) => url.origin === IDP_ORIGIN);
    await popup.getByLabel("User name").fill(DEMO_USERS.alice.username);
    await popup.getByLabel("Password").fill(DEMO_USERS.alice.password);
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Sign in", exact: true }).click();
    await closed;

    // Compact layout: the account stays reachable, the global header (banner) is gone.
    await expect(frame.getByRole("group", { name: "Account" })).toContainText(
      DEMO_USERS.alice.name,
    );
    await expect(frame.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await expect(frame.getByRole("banner")).toHaveCount(0);
    await expect(frame.getByRole("navigation", { name: "Main" })).toBeVisible();

    // The popup signed in top-level (the app's own partition); the hand-off gave the frame its own session
    // cookie, partitioned under the portal's site.
    const sessions = (await page.context().cookies(APP_ORIGIN)).filter(
      (cookie) => cookie.name === "trail-imports.session-token",
    );
    expect(sessions.map((cookie) => cookie.partitionKey).sort()).toEqual([
      "http://127.0.0.1",
      "http://localhost",
    ]);
    for (const cookie of sessions)
      expect(cookie).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });

    // A client-side navigation inside the frame keeps the compact layout.
    await frame
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "New import" })
      .click();
    await expect(
      frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New import" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(frame.getByRole("banner")).toHaveCount(0);
  });

  test("signing out in the frame ends the session everywhere, and the next sign-in asks the IdP for a login", async ({
    page,
  }) => {
    await page.goto(`${PORTAL}/?path=/imports`);
    const frame = page.frameLocator("#app");
    const firstPopup = page.waitForEvent("popup");
    await frame.getByRole("button", { name: "Sign in with Company SSO" }).click();
    const popup = await firstPopup;
    await popup.waitForURL((url) => url.origin === IDP_ORIGIN);
    await popup.getByLabel("User name").fill(DEMO_USERS.alice.username);
    await popup.getByLabel("Password").fill(DEMO_USERS.alice.password);
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Sign in", exact: true }).click();
    await closed;
    await expect(frame.getByRole("group", { name: "Account" })).toContainText(
      DEMO_USERS.alice.name,
    );

    await frame
      .getByRole("group", { name: "Account" })
      .getByRole("button", { name: "Sign out" })
      .click();
    await expect(frame.getByRole("status")).toContainText("You have signed out.");

    // The popup left a copy of Alice's session in the app's top-level partition: it is dead too.
    const top = await page.context().newPage();
    await top.goto(`${APP_ORIGIN}/imports`);
    await expect(top).toHaveURL(/\/sign-in\?callbackUrl=%2Fimports$/);
    await top.close();

    // Bob, at the same browser, gets the IdP's login form, never Alice's session.
    const secondPopup = page.waitForEvent("popup");
    await frame.getByRole("button", { name: "Sign in with Company SSO" }).click();
    const bobPopup = await secondPopup;
    await bobPopup.waitForURL((url) => url.origin === IDP_ORIGIN);
    await bobPopup.getByLabel("User name").fill(DEMO_USERS.bob.username);
    await bobPopup.getByLabel("Password").fill(DEMO_USERS.bob.password);
    const bobClosed = bobPopup.waitForEvent("close");
    await bobPopup.getByRole("button", { name: "Sign in", exact: true }).click();
    await bobClosed;
    await expect(frame.getByRole("group", { name: "Account" })).toContainText(DEMO_USERS.bob.name);
  });

  test("the portal receives content-height events from the app's origin only", async ({ page }) => {
    await page.goto(`${PORTAL}/?path=/sign-in`);
    await expect(
      page.frameLocator("#app").getByRole("button", { name: "Sign in with Company SSO" }),
    ).toBeVisible();
    await expect
      .poll(
        async () =>
          (await portalMessages(page)).filter((message) => message.data.type === "content-height")
            .length,
      )
      .toBeGreaterThan(0);
    const heights = (await portalMessages(page)).filter(
      (message) => message.data.type === "content-height",
    );
    for (const message of heights) {
      expect(message.origin).toBe(APP_ORIGIN);
      expect(message.data.source).toBe("trail-imports");
      expect(message.data.height).toBeGreaterThan(100);
    }
  });

  test("a portal that is not allowed cannot frame the app (CSP frame-ancestors)", async ({
    page,
  }) => {
    const refused = page.waitForEvent("console", (message) =>
      /frame-ancestors/.test(message.text()),
    );
    await page.goto(`${FOREIGN_PORTAL}/?path=/sign-in`);
    expect((await refused).text()).toContain(APP_ORIGIN);
    await expect(
      page.frameLocator("#app").getByRole("button", { name: "Sign in with Company SSO" }),
    ).toHaveCount(0);
    expect(await portalMessages(page)).toEqual([]);
  });

  test("top-level pages keep the global header; ?embed=1 gives the compact layout", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, storageState: "e2e/.auth/operator.json" });
    const top = await context.newPage();
    await top.goto("/imports");
    await expect(top.getByRole("banner")).toBeVisible();
    await top.goto("/imports?embed=1");
    await expect(top.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await expect(top.getByRole("banner")).toHaveCount(0);
    await expect(accountMenu(top)).toContainText(DEMO_USERS.alice.name);
    await top.goto("/imports");
    await expect(top.getByRole("banner")).toBeVisible();
    await context.close();
  });
});

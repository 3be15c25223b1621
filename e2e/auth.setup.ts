import { test as setup } from "@playwright/test";
import { accountMenu, DEMO_USERS, expect, signInThroughIdp, STORAGE_STATE } from "./fixtures";

// Each setup test gets a fresh context, so the IdP always shows its form and no session leaks between users.

setup("sign in as the operator (alice)", async ({ page }) => {
  await page.goto("/imports");
  await signInThroughIdp(page, DEMO_USERS.alice);
  await expect(accountMenu(page)).toContainText(DEMO_USERS.alice.role);
  await page.context().storageState({ path: STORAGE_STATE.operator });
});

setup("sign in as the viewer (bob)", async ({ page }) => {
  await page.goto("/imports");
  await signInThroughIdp(page, DEMO_USERS.bob);
  await expect(accountMenu(page)).toContainText(DEMO_USERS.bob.role);
  await page.context().storageState({ path: STORAGE_STATE.viewer });
});

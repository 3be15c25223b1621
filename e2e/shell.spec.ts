import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test.describe("app shell", () => {
  test("the root redirects to the imports list", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/imports$/);
    await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await expect(page).toHaveTitle("Imports · Trail Imports");
  });

  test("navigation marks the current page and reaches New import", async ({ page }) => {
    await page.goto("/imports");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Imports" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await nav.getByRole("link", { name: "New import" }).click();
    await expect(page).toHaveURL(/\/imports\/new/);
    await expect(nav.getByRole("link", { name: "New import" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page).toHaveTitle(/New import · Trail Imports/);
  });

  test("a viewer's navigation offers only the pages a viewer can use", async ({ viewerPage }) => {
    await viewerPage.goto("/imports");
    const nav = viewerPage.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Imports" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "New import" })).toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: "New import" })).toHaveCount(0);
  });

  test("keyboard users can skip straight to the content", async ({ page }) => {
    await page.goto("/imports");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("an unknown page shows the not-found page with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await expect(page).toHaveTitle(/Not found/);
  });

  test("the shell has no accessibility violations", async ({ page }) => {
    await page.goto("/imports");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations).toEqual([]);
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test.describe("activity", () => {
  test("is in the main nav and keeps its filters in the URL", async ({ page }) => {
    await page.goto("/imports");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Activity" })
      .click();
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();

    const filters = page.getByRole("search", { name: "Filter activity" });
    await filters.getByLabel("Outcome").selectOption("refused");
    await filters.getByLabel("From (UTC)").fill("2099-01-01T00:00");
    await filters.getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(/outcome=refused/);
    await expect(page).toHaveURL(/from=2099-01-01T00%3A00/);
    await expect(page.getByText("No activity matches these filters.")).toBeVisible();
    await expect(filters.getByLabel("Outcome")).toHaveValue("refused");
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(axe.violations).toEqual([]);
  });

  test("names filters it ignored instead of failing", async ({ page }) => {
    await page.goto("/activity?outcome=maybe&to=yesterday");
    await expect(
      page.getByText("These were not valid and are not applied: outcome, to."),
    ).toBeVisible();
  });

  test("exports CSV with the same filters, never cached", async ({ page }) => {
    const response = await page.request.get(
      "/api/activity/export?outcome=ok&from=2099-01-01T00:00",
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="trail-imports-activity-/,
    );
    expect(await response.text()).toMatch(/^time_utc,email,role,action,outcome,/);
  });

  test("refuses the export to a signed-out visitor", async ({ signedOutPage }) => {
    const response = await signedOutPage.request.get("/api/activity/export");
    expect(response.status()).toBe(401);
  });
});

import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_USERS, expect, STORAGE_STATE, test } from "./fixtures";
import { actionByName, buildActions, callAction, cookieHeader } from "./support/actions";

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

  test("lists an operator's action under its import, with who, what and how it went", async ({
    page,
  }) => {
    // A stop of an import CloudTrail does not know: one AWS call, refused by AWS, recorded as failed.
    const importId = randomUUID();
    const stop = actionByName(buildActions(), "stopImportAction");
    const reply = await callAction(stop, [{ importId, region: "us-east-1" }], {
      cookie: cookieHeader(STORAGE_STATE.operator),
    });
    expect(reply.result).toMatchObject({ ok: false, code: "aws" });

    const row = page.getByRole("row").filter({ hasText: importId });
    await expect(async () => {
      await page.goto(`/activity?import=${importId}`);
      await expect(row).toHaveCount(1, { timeout: 1_000 });
    }).toPass();
    await expect(row.getByRole("cell", { name: "stop", exact: true })).toBeVisible();
    await expect(row).toContainText(DEMO_USERS.alice.email);
    await expect(row).toContainText("failed");
    await expect(row).toContainText("us-east-1");
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

// Plans that are stored and run: these need the plans repository and the runner
// (lib/db/plans.ts, lib/plans/advance.ts) wired to the database.
import type { Page } from "@playwright/test";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "../local/lake/seed/constants.ts";
import { expect, test } from "./fixtures";

const PLAN_URL = /\/plans\/[0-9a-f-]{36}$/;

/** Creates a seven-day plan of day chunks through the wizard, as a person would; returns its URL. */
async function createPlan(page: Page): Promise<string> {
  await page.goto("/plans/new");
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await page.getByRole("radio", { name: /demo-trail-events/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  const source = page.getByRole("group", { name: "Source 1" });
  await source.getByLabel("S3 URI of the trail logs").fill(E2E_TRAIL_URI);
  await source.getByRole("combobox", { name: "Bucket Region" }).click();
  await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
  await source.getByLabel("Access role ARN").fill(IMPORT_ROLE_ARN);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("First day (UTC)").fill("2025-03-10");
  await page.getByLabel("Last day (UTC)").fill("2025-03-16");
  await page.getByLabel("Day", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.waitForURL(PLAN_URL);
  return new URL(page.url()).pathname;
}

async function confirm(page: Page, open: string, action: string) {
  await page.getByRole("button", { name: open }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: action }).click();
}

test.describe("stored plans", () => {
  test("an operator creates a plan, watches it, pauses, skips a chunk and cancels it", async ({
    page,
  }) => {
    const path = await createPlan(page);
    const planId = path.split("/").at(-1) ?? "";
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `${STORES.demo.id}, 2025-03-10 to 2025-03-16`,
    );
    await expect(page.getByRole("progressbar", { name: "Plan progress" })).toBeVisible();
    const chunks = page.getByRole("table").filter({ hasText: "Window (UTC)" });
    await expect(chunks.getByRole("row")).toHaveCount(8);
    await expect(chunks.getByRole("row").nth(1)).toContainText("2025-03-10");
    await expect(page.getByRole("link", { name: "Activity for this plan" })).toHaveAttribute(
      "href",
      `/activity?plan=${planId}`,
    );

    await confirm(page, "Pause", "Pause plan");
    await expect(page.getByText("Paused", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Skip chunk 7" }).click();
    await expect(chunks.getByRole("row").nth(7)).toContainText("Skipped");
    await confirm(page, "Resume", "Resume plan");
    await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
    await confirm(page, "Cancel plan", "Cancel plan");
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);

    await page.goto("/plans");
    await expect(page.getByRole("link", { name: "New plan" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "2025-03-10 to 2025-03-16" }).first();
    await expect(row).toContainText("Cancelled");
    await expect(row).toContainText("alice@example.test");
  });

  test("a viewer sees plans without New plan and without the controls", async ({
    page,
    viewerPage,
  }) => {
    const path = await createPlan(page);
    await viewerPage.goto("/plans");
    await expect(viewerPage.getByRole("heading", { name: "Plans", level: 1 })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "New plan" })).toHaveCount(0);
    await viewerPage.goto(path);
    await expect(viewerPage.getByRole("progressbar", { name: "Plan progress" })).toBeVisible();
    await expect(
      viewerPage.getByRole("button", { name: /Pause|Cancel plan|Skip|Re-run/ }),
    ).toHaveCount(0);

    await page.goto(path);
    await confirm(page, "Cancel plan", "Cancel plan");
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  });

  test("an unknown plan id is a not-found page", async ({ page }) => {
    await page.goto("/plans/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Plan not found" })).toBeVisible();
  });
});

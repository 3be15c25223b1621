import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import {
  ACL_BUCKET,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  OTHER_STORE_ROLE_ARN,
  STORES,
} from "../local/lake/seed/constants.ts";
import { expect, STORAGE_STATE, test } from "./fixtures";

async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A check's list item, named by its heading: the title and the status in words. */
function check(page: Page, title: string, status: string): Locator {
  return page.getByRole("listitem", { name: new RegExp(`^${title}\\s*: ${status}$`) });
}

async function fillSource(page: Page, s3Uri: string): Promise<void> {
  await page.goto("/imports/new");
  await page.getByRole("radio", { name: /demo-trail-events/ }).check();
  await next(page);
  await page.getByLabel("S3 URI of the trail logs").fill(s3Uri);
  await page.getByRole("combobox", { name: "Bucket Region" }).click();
  await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
}

async function fillToReview(page: Page, roleArn: string): Promise<void> {
  await fillSource(page, E2E_TRAIL_URI);
  await next(page);
  await page.getByLabel("S3 access role ARN").fill(roleArn);
  await next(page);
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await next(page);
  await expect(page.getByRole("heading", { level: 2, name: /: Review$/ })).toBeVisible();
}

test.describe("import preflight in the wizard", () => {
  test("a clean source passes its checks and shows the estimate; Start needs no confirmation", async ({
    page,
  }) => {
    await fillToReview(page, IMPORT_ROLE_ARN);
    await expect(page.getByText(/^Ready to start/)).toBeVisible();
    for (const title of [
      "Bucket and Region",
      "Role trust policy",
      "Role permissions on the bucket",
    ])
      await expect(check(page, title, "Passed")).toBeVisible();
    const estimate = page.getByRole("heading", { name: "Estimate" });
    await expect(estimate).toBeVisible();
    await expect(page.getByText("Log files", { exact: true })).toBeVisible();
    await expect(page.getByText(/Measured from \d+ sampled files?/)).toBeVisible();
    await expect(page.getByLabel("Start anyway, although checks failed")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start import" })).toBeEnabled();
  });

  test("the source step shows its checks as soon as its fields are valid", async ({ page }) => {
    await fillSource(page, `s3://${ACL_BUCKET}/`);
    const acls = check(page, "Bucket ACLs disabled", "Failed");
    await expect(acls).toBeVisible();
    await expect(acls).toContainText("Fix:");
    await expect(acls.getByRole("group", { name: "Command to disable ACLs" })).toContainText(
      `put-bucket-ownership-controls --bucket ${ACL_BUCKET}`,
    );
  });

  test("a role trusted only for another store fails with its fix, and Start needs 'Start anyway'", async ({
    page,
  }) => {
    await fillToReview(page, OTHER_STORE_ROLE_ARN);
    const trust = check(page, "Role trust policy", "Failed");
    await expect(trust).toBeVisible();
    await expect(trust).toContainText(/aws:SourceArn/);
    await expect(trust.getByRole("group", { name: "Trust policy JSON" })).toContainText(
      STORES.demo.arn,
    );
    const start = page.getByRole("button", { name: "Start import" });
    await expect(start).toBeDisabled();
    await expect(page.getByText(/1 preflight check failed/)).toBeVisible();

    await expect(page).toHaveTitle(/Trail Imports/);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(axe.violations).toEqual([]);

    await page.getByLabel("Start anyway, although checks failed").check();
    await expect(start).toBeEnabled();
  });
});

test.describe("POST /api/preflight", () => {
  const query = {
    step: "destination",
    destination: STORES.demo.arn,
  };

  test("refuses a viewer with 403", async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE_STATE.viewer });
    const res = await context.request.post("/api/preflight", { data: query });
    expect(res.status()).toBe(403);
    await context.close();
  });

  test("answers bad input with 400 naming the field, never 500", async ({ page }) => {
    const missing = await page.request.post("/api/preflight", {
      data: { ...query, step: "source" },
    });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid", field: "s3Uri" });

    const malformed = await page.request.post("/api/preflight", {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(malformed.status()).toBe(400);

    const ok = await page.request.post("/api/preflight", { data: query });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["cache-control"]).toBe("no-store");
  });
});

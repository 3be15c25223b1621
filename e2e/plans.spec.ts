import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  DEMO_ORG_ID,
  DEMO_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "../local/lake/seed/constants.ts";
import { expect, test } from "./fixtures";

function stepHeading(page: Page, title: string) {
  return page.getByRole("heading", { level: 2, name: new RegExp(`: ${title}$`) });
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations;
}

test.describe("plans for viewers", () => {
  test("viewers reach Plans and Coverage but are offered no plan to create", async ({
    viewerPage: page,
  }) => {
    await page.goto(`/coverage?store=${encodeURIComponent(STORES.demo.arn)}`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Plans" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Coverage" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("figure")).toBeVisible();
    await expect(page.getByRole("link", { name: /Plan an import/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New plan" })).toHaveCount(0);

    await page.goto("/plans/new");
    await expect(page.getByText("Only operators can start imports")).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create plan" })).toHaveCount(0);
  });
});

test.describe("new plan wizard", () => {
  test.beforeEach(async ({ page }) => {
    // Each test starts from a blank draft: the draft is per tab, but a test reuses its tab.
    await page.goto("/plans/new");
    await page.evaluate(() => window.sessionStorage.clear());
    await page.reload();
  });

  test("names the field and the rule, keeps the draft across a reload and counts the chunks", async ({
    page,
  }) => {
    await expect(stepHeading(page, "Destination")).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(
      page.getByText("Destination event data store ARN must be 3–256 characters"),
    ).toBeVisible();
    await page.getByRole("radio", { name: /demo-trail-events/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(stepHeading(page, "Sources")).toBeVisible();
    const source = page.getByRole("group", { name: "Source 1" });
    await source.getByLabel("S3 URI of the trail logs").fill("trail-bucket/logs");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(source.getByText("S3 URI must start with s3://", { exact: false })).toBeVisible();
    await expect(
      source.getByText("Region must be an AWS Region code such as eu-west-1"),
    ).toBeVisible();
    await source.getByLabel("S3 URI of the trail logs").fill(DEMO_TRAIL_URI);
    await source.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await source.getByLabel("Access role ARN").fill(IMPORT_ROLE_ARN);

    await page.getByRole("button", { name: "Add a source" }).click();
    const org = page.getByRole("group", { name: "Source 2" });
    await org.getByLabel("This is an organisation trail").check();
    await org.getByLabel("S3 URI of the trail logs").fill("s3://org-trail-bucket/");
    await org.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await org.getByLabel("Access role ARN").fill(IMPORT_ROLE_ARN);
    await org.getByLabel("Organization ID").fill(DEMO_ORG_ID);
    await org.getByLabel("Account IDs to add").fill("444455556666\n777788889999");
    await org.getByRole("button", { name: "Add accounts" }).click();
    await org.getByRole("checkbox", { name: "777788889999" }).uncheck();
    await expect(org.getByText("Accounts to import (1 of 2 ticked)")).toBeVisible();
    await expect(
      org.getByText(`s3://org-trail-bucket/AWSLogs/${DEMO_ORG_ID}/444455556666/CloudTrail/`),
    ).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(stepHeading(page, "Range and chunks")).toBeVisible();
    await page.getByLabel("First day (UTC)").fill("2025-03-10");
    await page.getByLabel("Last day (UTC)").fill("2025-03-01");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Last day must be on or after the first day")).toBeVisible();
    await page.getByLabel("Last day (UTC)").fill("2025-03-16");
    await page.getByLabel("Week (Monday to Sunday)").check();
    // 2025-03-10 to 16 is one ISO week (Monday to Sunday), read from two prefixes.
    await expect(
      page.getByText("2 chunks: 1 window × 2 S3 prefixes", { exact: false }),
    ).toBeVisible();
    await page.getByLabel("Day", { exact: true }).check();
    await expect(
      page.getByText("14 chunks: 7 windows × 2 S3 prefixes", { exact: false }),
    ).toBeVisible();

    await page.reload();
    await expect(stepHeading(page, "Range and chunks")).toBeVisible();
    await expect(page.getByLabel("First day (UTC)")).toHaveValue("2025-03-10");
    await expect(page.getByLabel("Last day (UTC)")).toHaveValue("2025-03-16");
    await expect(page.getByLabel("Day", { exact: true })).toBeChecked();
    await expect(
      page.getByText("14 chunks: 7 windows × 2 S3 prefixes", { exact: false }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(stepHeading(page, "Review")).toBeVisible();
    await expect(page.getByText(STORES.demo.arn)).toBeVisible();
    await expect(page.getByText("2025-03-10 to 2025-03-16, both days included")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create plan" })).toBeEnabled();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a coverage gap link pre-fills the store and the days", async ({ page }) => {
    const params = new URLSearchParams({
      store: STORES.demo.arn,
      from: "2025-01-01",
      to: "2025-01-31",
    });
    await page.goto(`/plans/new?${params}`);
    await expect(page).toHaveURL(/\?step=destination$/);
    await expect(page.getByRole("radio", { name: /demo-trail-events/ })).toBeChecked();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(stepHeading(page, "Sources")).toBeVisible();
    const source = page.getByRole("group", { name: "Source 1" });
    await source.getByLabel("S3 URI of the trail logs").fill(DEMO_TRAIL_URI);
    await source.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await source.getByLabel("Access role ARN").fill(IMPORT_ROLE_ARN);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("First day (UTC)")).toHaveValue("2025-01-01");
    await expect(page.getByLabel("Last day (UTC)")).toHaveValue("2025-01-31");
  });
});

test.describe("coverage", () => {
  test("draws the chosen store's days with a text alternative and passes axe", async ({ page }) => {
    await page.goto("/imports");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Coverage" })
      .click();
    await expect(page.getByRole("heading", { name: "Coverage", level: 1 })).toBeVisible();
    await page
      .getByLabel("Event data store")
      .selectOption({ label: "org-trail-events (us-east-1)" });
    // A store no spec imports into, and days before any seeded import: a gap whatever ran before
    // (an import with no time range covers every day of its store).
    await page.getByLabel("From (UTC)").fill("2019-01-01");
    await page.getByLabel("To (UTC)").fill("2019-03-31");
    await page.getByRole("button", { name: "Show coverage" }).click();
    await expect(page).toHaveURL(new RegExp(`store=${encodeURIComponent(STORES.org.arn)}`));

    const figure = page.getByRole("figure");
    await expect(figure).toHaveAccessibleName(
      /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: \d+ days? /,
    );
    await expect(figure.getByRole("list", { name: "Legend" })).toBeVisible();
    await figure.getByText("Show as a table").click();
    await expect(figure.getByRole("columnheader", { name: "State" })).toBeVisible();
    // An operator is offered a plan for each gap.
    await expect(figure.getByRole("link", { name: /Plan an import of/ }).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

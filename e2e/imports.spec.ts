// Import status pages against the local world, as the operator (alice) unless stated. Imports are
// started through the SDK as alice via per-user STS, exactly as the app does, so CloudTrail's
// StartImport record carries her SourceIdentity. Each test leaves no import running.
import AxeBuilder from "@axe-core/playwright";
import { GetImportCommand, ListImportsCommand } from "@aws-sdk/client-cloudtrail";
import type { Page } from "@playwright/test";
import { DEMO_TRAIL_URI, E2E_BUCKET, E2E_TRAIL_URI } from "../local/lake/seed/constants";
import { expect, test } from "./fixtures";
import {
  ALICE_EMAIL,
  aliceClient,
  LAKE_REGION as REGION,
  lakeAdmin,
  setPace,
  startDemoImport,
  stopEverythingRunning,
} from "./support/lake";

const ALICE = ALICE_EMAIL;
const DAY = 24 * 60 * 60_000;
// Imports are started as alice through per-user STS, as the app does, so her SourceIdentity is recorded.
const alice = aliceClient();
const startAs = (source: string, days: number) => startDemoImport(alice, source, days);

/** The detail page polls every 2 s while an import runs; a little slack for the read itself. */
const ONE_POLL_MS = 2_500;

const statusHeading = (page: Page) => page.getByRole("heading", { name: /^Status/ });

function statistic(page: Page, label: string) {
  return page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations;
}

test.describe("import status pages", () => {
  test.beforeEach(async () => {
    await stopEverythingRunning(alice);
  });
  test.afterEach(async () => {
    await setPace(120);
    await stopEverythingRunning(alice);
  });

  test("an operator watches an import fail, fixes the file and retries it to completion", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await setPace(700);
    const importId = await startAs(E2E_TRAIL_URI, 5);

    // No ?region=: the page finds the Region itself.
    await page.goto(`/imports/${importId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(importId);
    await expect(page.getByRole("main").getByText(/^Started by/)).toContainText(ALICE);
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(statusHeading(page)).toContainText(/Initializing|In progress/);

    // Live: progress grows without a reload while the import runs.
    await expect(statusHeading(page)).toContainText("In progress", { timeout: 20_000 });
    await expect
      .poll(async () => Number((await bar.getAttribute("aria-valuenow")) ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect(statusHeading(page)).toContainText("Failed", { timeout: 60_000 });
    await expect(
      page.getByRole("status").filter({ hasText: "Import status changed to Failed." }),
    ).toBeAttached();

    const failures = page.getByRole("region", { name: "Failures" });
    const failedRow = failures.getByRole("row").filter({ hasText: E2E_BUCKET });
    await expect(failedRow).toHaveCount(1, { timeout: 20_000 });
    const location = (await failedRow.getByRole("cell").first().textContent()) ?? "";
    expect(location).toMatch(new RegExp(`^s3://${E2E_BUCKET}/`));
    const filesBefore = Number(
      (await statistic(page, "Files completed").textContent())?.replace(/,/g, ""),
    );

    // Fix the corrupt file in the local S3, then retry through the UI.
    const key = location.slice(`s3://${E2E_BUCKET}/`.length);
    const failed = await alice.send(new GetImportCommand({ ImportId: importId }));
    const time = failed.StartEventTime ?? new Date();
    await lakeAdmin("PUT", `s3/${E2E_BUCKET}/${key.split("/").map(encodeURIComponent).join("/")}`, {
      records: [
        {
          eventVersion: "1.09",
          eventTime: new Date(time.getTime() + DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
          eventSource: "s3.amazonaws.com",
          eventName: "GetBucketPolicy",
          awsRegion: REGION,
          eventID: "00000000-0000-4000-8000-00000000e2e0",
          eventType: "AwsApiCall",
          readOnly: true,
          managementEvent: true,
          recipientAccountId: "111122223333",
          eventCategory: "Management",
        },
      ],
    });

    await page.getByRole("button", { name: "Retry", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Retry import");
    await dialog.getByRole("button", { name: "Retry import" }).click();
    await expect(statusHeading(page)).toContainText(/Initializing|In progress/);
    await expect(statusHeading(page)).toContainText("Completed", { timeout: 60_000 });
    // No reload, and within one poll (2 s) of Completed: the failures table agrees with the status.
    await expect(failedRow.getByRole("cell").nth(1)).toHaveText("SUCCEEDED", {
      timeout: ONE_POLL_MS,
    });
    await expect(failures.getByRole("cell", { name: "RETRY", exact: true })).toHaveCount(0);
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect
      .poll(
        async () =>
          Number((await statistic(page, "Files completed").textContent())?.replace(/,/g, "")),
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(filesBefore);
    await expect(statistic(page, "Failed entries")).toHaveText("0");
    await expect(page.getByRole("button", { name: /^(Retry|Stop)$/ })).toHaveCount(0);
  });

  test("an operator stops a running import and retries it", async ({ page }) => {
    test.setTimeout(120_000);
    await setPace(400);
    const importId = await startAs(DEMO_TRAIL_URI, 40);
    await page.goto(`/imports/${importId}?region=${REGION}`);
    await expect(statusHeading(page)).toContainText(/Initializing|In progress/);

    await page.getByRole("button", { name: "Stop", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Stop import" }).click();
    await expect(statusHeading(page)).toContainText("Stopped", { timeout: 20_000 });
    await expect
      .poll(
        async () => (await alice.send(new GetImportCommand({ ImportId: importId }))).ImportStatus,
      )
      .toBe("STOPPED");

    await page.getByRole("button", { name: "Retry", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Retry import" }).click();
    // "In progress" comes from the server, not the optimistic update: the polling route must not
    // serve the STOPPED status it read before the retry.
    await expect(statusHeading(page)).toContainText("In progress", { timeout: 20_000 });
    await expect
      .poll(
        async () => (await alice.send(new GetImportCommand({ ImportId: importId }))).ImportStatus,
      )
      .toMatch(/INITIALIZING|IN_PROGRESS/);
    await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeVisible();

    // The list row shows who started it too (one batched LookupEvents per Region and screen).
    await page.goto("/imports");
    const listed = page.locator(`tbody tr[data-import-id="${importId}"]`);
    await expect(listed).toContainText(ALICE);
    await expect(listed.getByTitle(ALICE)).toHaveText(/^alice/);
  });

  test("list filters live in the URL and survive a reload; list and detail pass axe", async ({
    page,
  }) => {
    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Imports" }).getByRole("row").nth(1),
    ).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Status").selectOption("FAILED");
    await page.waitForURL(/status=FAILED/);
    await page.getByLabel("Region").selectOption(REGION);
    await page.waitForURL(/region=us-east-1/);
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("FAILED");
    await expect(page.getByLabel("Region")).toHaveValue(REGION);
    const rows = page.getByRole("region", { name: "Imports" }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toContainText("Failed");
      await expect(row).toContainText(REGION);
    }

    await rows.first().getByRole("link").first().click();
    await page.waitForURL(/\/imports\/[a-f0-9-]{36}\?region=/);
    await expect(statusHeading(page)).toContainText("Failed");
    await expect(page.getByRole("region", { name: "Failures" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("unknown and malformed import ids show not found", async ({ page }) => {
    await page.goto("/imports/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Import not found" })).toBeVisible();
    await page.goto("/imports/NOT-A-UUID");
    await expect(page.getByRole("heading", { name: "Import not found" })).toBeVisible();
    const api = await page.request.get("/api/imports/NOT-A-UUID");
    expect(api.status()).toBe(400);
    const missing = await page.request.get("/api/imports/00000000-0000-4000-8000-000000000000");
    expect(missing.status()).toBe(404);
  });

  test("a viewer sees the same pages without action buttons", async ({ viewerPage }) => {
    const { Imports = [] } = await alice.send(
      new ListImportsCommand({ MaxResults: 50, ImportStatus: "FAILED" }),
    );
    const failedId = Imports[0]?.ImportId;
    expect(failedId).toBeDefined();
    await viewerPage.goto("/imports");
    await expect(
      viewerPage.getByRole("region", { name: "Imports" }).locator("tbody tr").first(),
    ).toBeVisible();
    await viewerPage.goto(`/imports/${failedId}`);
    await expect(statusHeading(viewerPage)).toContainText("Failed");
    await expect(viewerPage.getByRole("button", { name: /^(Retry|Stop)$/ })).toHaveCount(0);
    expect(await axeViolations(viewerPage)).toEqual([]);
  });
});

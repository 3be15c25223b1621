// Resilience: the core journeys with the Lake injecting 20% throttling, 5% 5xx and 300 ms latency
// on every CloudTrail call. The SDK's retries absorb them; retries and double clicks start exactly one
// import; data shown before a failed refresh stays on screen, marked as possibly stale.
// Faults are injected before the Lake executes a call, so a failed attempt never has a side effect: the
// call log's status-200 entries are exactly the calls that took effect.
import { GetImportCommand } from "@aws-sdk/client-cloudtrail";
import type { Page } from "@playwright/test";
import { DEMO_TRAIL_URI, E2E_TRAIL_URI, IMPORT_ROLE_ARN } from "../local/lake/seed/constants";
import { expect, test } from "./fixtures";
import {
  aliceClient,
  clearCalls,
  clearFaults,
  cloudTrailCalls,
  E2E_PACE,
  setFaults,
  setPace,
  startDemoImport,
  stopEverythingRunning,
} from "./support/lake";

const FAULTS = { throttleRate: 0.2, errorRate: 0.05, latencyMs: 300 };
const client = aliceClient();

/** Calls of `operation` that took effect (status 200) since the log was last cleared. */
async function succeeded(operation: string): Promise<number> {
  return (await cloudTrailCalls()).filter(
    (call) => call.operation === operation && call.status === 200,
  ).length;
}

const statusHeading = (page: Page) => page.getByRole("heading", { name: /^Status/ });
const importLink = (page: Page, importId: string) =>
  page.getByRole("region", { name: "Imports" }).locator(`a[href*="${importId}"]`);

test.describe("journeys under injected CloudTrail faults", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async () => {
    await clearFaults();
    await stopEverythingRunning(client);
    await setFaults(FAULTS);
  });

  test.afterEach(async () => {
    await clearFaults();
    await setPace(E2E_PACE);
    await stopEverythingRunning(client);
  });

  test("the list shows an import started elsewhere, without a reload", async ({ page }) => {
    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
    await setPace(2_000);
    // Started outside the app (as the CLI would), after the list was drawn: only polling can show it.
    const importId = await startDemoImport(client, DEMO_TRAIL_URI, 10);
    await expect(importLink(page, importId)).toBeVisible({ timeout: 60_000 });
    await page.reload();
    await expect(importLink(page, importId)).toBeVisible({ timeout: 30_000 });
  });

  test("the detail loads and progresses", async ({ page }) => {
    await setPace(500);
    const importId = await startDemoImport(client, DEMO_TRAIL_URI, 10);
    await page.goto(`/imports/${importId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(importId);
    await expect(statusHeading(page)).toContainText("In progress", { timeout: 30_000 });
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    const progress = async () => Number((await bar.getAttribute("aria-valuenow")) ?? 0);
    await expect.poll(progress, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await progress();
    await expect.poll(progress, { timeout: 60_000 }).toBeGreaterThan(first);
  });

  test("a double-clicked start through the wizard starts exactly one import", async ({ page }) => {
    await page.goto("/imports/new");
    await page.getByRole("radio", { name: /demo-trail-events/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("S3 URI of the trail logs").fill(E2E_TRAIL_URI);
    await page.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("S3 access role ARN").fill(IMPORT_ROLE_ARN);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /: Review$/ })).toBeVisible();
    await clearCalls();
    await page.getByRole("button", { name: "Start import" }).dblclick();
    await expect(page).toHaveURL(/\/imports\/[a-f0-9-]{36}\?region=us-east-1$/, {
      timeout: 30_000,
    });
    const importId = /\/imports\/([a-f0-9-]{36})/.exec(page.url())?.[1] ?? "";
    await expect(page.getByRole("heading", { level: 1 })).toContainText(importId);
    expect(await succeeded("StartImport")).toBe(1);
  });

  test("stop and retry through the UI take effect exactly once each", async ({ page }) => {
    await setPace(2_000);
    const importId = await startDemoImport(client, DEMO_TRAIL_URI, 10);
    await page.goto(`/imports/${importId}?region=us-east-1`);
    await expect(statusHeading(page)).toContainText(/Initializing|In progress/, {
      timeout: 30_000,
    });
    await clearCalls();

    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Stop import" }).click();
    // "Stopped" shows at once (optimistic); only the action's answer says CloudTrail agreed.
    await expect(page.getByText("Import stopped.")).toBeVisible({ timeout: 30_000 });
    await expect(statusHeading(page)).toContainText("Stopped");
    expect(await succeeded("StopImport")).toBe(1);
    expect((await client.send(new GetImportCommand({ ImportId: importId }))).ImportStatus).toBe(
      "STOPPED",
    );

    await clearCalls();
    await page.getByRole("button", { name: "Retry", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Retry import" }).click();
    await expect(page.getByText("Retry started.")).toBeVisible({ timeout: 30_000 });
    await expect(statusHeading(page)).toContainText("In progress", { timeout: 30_000 });
    expect(await succeeded("StartImport")).toBe(1);
    expect((await client.send(new GetImportCommand({ ImportId: importId }))).ImportStatus).toMatch(
      /INITIALIZING|IN_PROGRESS/,
    );
  });

  test("when every refresh fails, the detail keeps its data and says it may be stale", async ({
    page,
  }) => {
    await setPace(2_000);
    const importId = await startDemoImport(client, DEMO_TRAIL_URI, 3);
    await page.goto(`/imports/${importId}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(importId);
    await setFaults({ throttleRate: 0, errorRate: 1, latencyMs: 0 });
    await expect(page.getByText("Live updates are having trouble")).toBeVisible({
      timeout: 60_000,
    });
    await expect(heading).toContainText(importId);
    await expect(statusHeading(page)).toBeVisible();
  });
});

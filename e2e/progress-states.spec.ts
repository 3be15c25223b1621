// Each state of an import has its own progress look on the detail page: Initializing says that
// CloudTrail is finding the log files and draws no bar (a full pulsing bar read as 100 %), In
// progress draws the real ratio, and a finished import keeps a still bar where it ended.
import type { Page } from "@playwright/test";
import { DEMO_TRAIL_URI } from "../local/lake/seed/constants";
import { expect, test } from "./fixtures";
import {
  aliceClient,
  E2E_PACE,
  setPace,
  startDemoImport,
  stopEverythingRunning,
} from "./support/lake";

const alice = aliceClient();
const statusHeading = (page: Page) => page.getByRole("heading", { name: /^Status/ });

test.describe("import progress", () => {
  test.beforeEach(async () => {
    await stopEverythingRunning(alice);
  });
  test.afterEach(async () => {
    await setPace(E2E_PACE);
    await stopEverythingRunning(alice);
  });

  test("initializing, in progress and stopped each look their own way", async ({ page }) => {
    test.setTimeout(90_000);
    // The demo pace keeps an import initializing for a few seconds, long enough to look at.
    await setPace("demo");
    const importId = await startDemoImport(alice, DEMO_TRAIL_URI, 40);
    await page.goto(`/imports/${importId}`);

    const card = page.getByRole("main");
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(statusHeading(page)).toContainText("Initializing");
    await expect(card.getByText("CloudTrail is finding the log files…")).toBeVisible();
    await expect(bar).toHaveCount(0);

    await expect(statusHeading(page)).toContainText("In progress", {
      timeout: 20_000,
    });
    await expect(card.getByText("CloudTrail is finding the log files…")).toHaveCount(0);
    await expect(bar).toBeVisible();
    await expect(card.getByText(/^\d+ of \d+ prefixes \(\d+%\)$/)).toBeVisible();

    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Stop import" }).click();
    await expect(statusHeading(page)).toContainText("Stopped", {
      timeout: 20_000,
    });
    // A still bar where the import ended, short of the whole.
    await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
  });
});

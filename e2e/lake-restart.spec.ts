// Resilience: the local Lake is killed mid-import and restarted while an operator watches
// the import. The e2e world runs the Lake and the IdP in one process, so the kill is simulated
// in-process by POST /_admin/restart (local/lake/admin/restart.ts): pending state writes are
// dropped, the port refuses connections for `downMs`, then the Lake reloads its state file as a
// fresh start does and resumes the import from its persisted cursor.
import { GetImportCommand, StartImportCommand } from "@aws-sdk/client-cloudtrail";
import type { Page } from "@playwright/test";
import {
  E2E_BUCKET,
  E2E_BUCKET_REGION,
  IMPORT_ROLE_ARN,
  STORES,
} from "../local/lake/seed/constants";
import { expect, test } from "./fixtures";
import {
  aliceClient,
  E2E_PACE,
  lakeAdmin,
  lakeIsUp,
  restartLake,
  setPace,
  stopEverythingRunning,
  waitForLake,
} from "./support/lake";

const FILES = 30;
const EVENTS_PER_FILE = 5;
// Longer than the app's 5 s GetImport cache plus the SDK's and react-query's retries, so the page
// really meets the outage instead of being served from cache the whole time.
const DOWN_MS = 20_000;
const client = aliceClient();

/** Writes FILES clean log files under a fresh prefix of the e2e bucket; returns its S3 URI. */
async function cleanSource(): Promise<string> {
  const prefix = `restart-${Date.now()}`;
  const eventTime = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  for (let file = 1; file <= FILES; file += 1) {
    const records = Array.from({ length: EVENTS_PER_FILE }, (_, i) => ({
      eventVersion: "1.09",
      eventTime,
      eventSource: "s3.amazonaws.com",
      eventName: "GetBucketPolicy",
      awsRegion: E2E_BUCKET_REGION,
      eventID: `00000000-0000-4000-8000-${String(file * 100 + i).padStart(12, "0")}`,
      eventType: "AwsApiCall",
      readOnly: true,
      managementEvent: true,
      recipientAccountId: "111122223333",
      eventCategory: "Management",
    }));
    await lakeAdmin("PUT", `s3/${E2E_BUCKET}/${prefix}/f${String(file).padStart(2, "0")}.json.gz`, {
      records,
    });
  }
  return `s3://${E2E_BUCKET}/${prefix}/`;
}

const statusHeading = (page: Page) => page.getByRole("heading", { name: /^Status/ });
const filesCompleted = async (page: Page) =>
  Number(
    (
      await page
        .locator("dt", { hasText: "Files completed" })
        .locator("xpath=following-sibling::dd[1]")
        .textContent()
    )?.replace(/,/g, ""),
  );

test.describe("the Lake is killed mid-import and restarts", () => {
  test.beforeEach(async () => {
    await stopEverythingRunning(client);
  });

  test.afterEach(async () => {
    if (!(await lakeIsUp())) await waitForLake();
    await setPace(E2E_PACE);
    await stopEverythingRunning(client);
  });

  test("the detail page marks its data stale during the outage and recovers by itself", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await setPace(400);
    const source = await cleanSource();
    const started = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: source,
            S3BucketRegion: E2E_BUCKET_REGION,
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    const importId = started.ImportId ?? "";
    expect(importId).not.toBe("");

    await page.goto(`/imports/${importId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(importId);
    await expect(statusHeading(page)).toContainText("In progress", { timeout: 20_000 });
    await expect.poll(() => filesCompleted(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const filesBefore = await filesCompleted(page);

    await restartLake(DOWN_MS);
    const trouble = page.getByRole("status").filter({ hasText: "Live updates are having trouble" });
    await expect(trouble).toBeVisible({ timeout: DOWN_MS });
    await expect(trouble).toContainText("couldn't reach AWS");
    // Stale, not gone: the last known status and statistics stay on the page.
    await expect(page.getByRole("heading", { level: 1 })).toContainText(importId);
    await expect(statusHeading(page)).toContainText("In progress");
    expect(await filesCompleted(page)).toBeGreaterThanOrEqual(filesBefore);
    expect(await lakeIsUp()).toBe(false);

    await waitForLake();
    // Back up: the import resumed from the state file; let it finish quickly.
    await setPace("fast");
    await expect(trouble).toBeHidden({ timeout: 60_000 });
    await expect(statusHeading(page)).toContainText("Completed", { timeout: 60_000 });
    const done = await client.send(new GetImportCommand({ ImportId: importId }));
    // Nothing lost, nothing counted twice across the kill.
    expect(done.ImportStatus).toBe("COMPLETED");
    expect(done.ImportStatistics).toMatchObject({
      FilesCompleted: FILES,
      EventsCompleted: FILES * EVENTS_PER_FILE,
      FailedEntries: 0,
    });
    expect(await filesCompleted(page)).toBe(FILES);

    await page.goto("/imports");
    await expect(
      page.getByRole("region", { name: "Imports" }).locator(`a[href*="${importId}"]`),
    ).toBeVisible();
  });
});

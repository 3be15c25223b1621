import AxeBuilder from "@axe-core/playwright";
import {
  CloudTrailClient,
  GetImportCommand,
  ListImportsCommand,
  LookupEventsCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import type { Locator, Page } from "@playwright/test";
import {
  APP_ACCESS_KEY_ID,
  DEMO_REGIONS,
  DEMO_TRAIL_URI,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "../local/lake/seed/constants.ts";
import { DEMO_USERS, expect, signInThroughIdp, test } from "./fixtures";

const LAKE_URL = process.env.CLOUDTRAIL_ENDPOINT ?? "http://127.0.0.1:4599";

function lake(region: string): CloudTrailClient {
  return new CloudTrailClient({
    region,
    endpoint: LAKE_URL,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? APP_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
    },
  });
}

/** The shared e2e world allows one running import per account and Region: leave none behind. */
async function stopRunningImports(): Promise<void> {
  for (const region of DEMO_REGIONS) {
    const client = lake(region);
    for (const status of ["INITIALIZING", "IN_PROGRESS"] as const) {
      const { Imports = [] } = await client.send(
        new ListImportsCommand({ ImportStatus: status, MaxResults: 100 }),
      );
      for (const item of Imports) {
        if (item.ImportId)
          await client
            .send(new StopImportCommand({ ImportId: item.ImportId }))
            .catch(() => undefined);
      }
    }
  }
}

test.afterEach(stopRunningImports);

async function expectNoAxeViolations(page: Page): Promise<void> {
  // Next streams metadata: let the title settle before judging the document.
  await expect(page).toHaveTitle(/Trail Imports/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations).toEqual([]);
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

function stepHeading(page: Page, title: string): Locator {
  return page.getByRole("heading", { level: 2, name: new RegExp(`: ${title}$`) });
}

async function pressContinue(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Fills steps 1–4 with clicks and lands on the review step. */
async function fillToReview(page: Page, s3Uri: string = E2E_TRAIL_URI): Promise<void> {
  await page.goto("/imports/new");
  await page.getByRole("radio", { name: /demo-trail-events/ }).check();
  await pressContinue(page);
  await page.getByLabel("S3 URI of the trail logs").fill(s3Uri);
  await page.getByRole("combobox", { name: "Bucket Region" }).click();
  await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
  await pressContinue(page);
  await page.getByLabel("S3 access role ARN").fill(IMPORT_ROLE_ARN);
  await pressContinue(page);
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await pressContinue(page);
  await expect(stepHeading(page, "Review")).toBeVisible();
}

test.describe("new-import wizard", () => {
  test("an operator completes every step by keyboard and lands on the new import with a toast", async ({
    page,
  }) => {
    await page.goto("/imports/new");
    await expect(stepHeading(page, "Destination")).toBeVisible();
    await expect(page.getByRole("radio", { name: /config-items/ })).toBeDisabled();
    await expect(page.getByText(/Not a CloudTrail-event store/)).toBeVisible();
    await expect(
      page.getByText(/management account, not from a delegated administrator/),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    const filter = page.getByLabel("Filter stores");
    await tabTo(page, filter);
    await page.keyboard.type("demo");
    await expect(page.getByText("1 of 5 stores match")).toBeVisible();
    const demo = page.getByRole("radio", { name: /demo-trail-events/ });
    await tabTo(page, demo);
    await page.keyboard.press("Space");
    await expect(demo).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\?step=source$/);
    await expect(stepHeading(page, "Source")).toBeFocused();
    await expect(page.getByText(/By default CloudTrail reads only the/)).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByLabel("S3 URI of the trail logs"));
    await page.keyboard.type(E2E_TRAIL_URI);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("combobox", { name: "Bucket Region" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }),
    ).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: "Bucket Region" })).toHaveText(/us-east-1/);
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");

    await expect(stepHeading(page, "Access role")).toBeFocused();
    await tabTo(page, page.getByLabel("S3 access role ARN"));
    await page.keyboard.type(IMPORT_ROLE_ARN);
    const trust = page.getByRole("group", { name: "Trust policy JSON" });
    await expect(trust).toContainText(STORES.demo.arn);
    await expect(page.getByRole("group", { name: "Bucket policy statement JSON" })).toContainText(
      IMPORT_ROLE_ARN,
    );
    await expect(page.getByRole("button", { name: "Copy Permissions policy JSON" })).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");

    await expect(stepHeading(page, "Time range")).toBeFocused();
    await expect(page.getByLabel("Start (UTC)")).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: "Last 7 days" }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Start (UTC)")).not.toHaveValue("");
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");

    await expect(stepHeading(page, "Review")).toBeFocused();
    const cli = page.getByRole("group", { name: "AWS CLI start-import command" });
    await expect(cli).toContainText("aws cloudtrail start-import");
    await expect(cli).toContainText(`--destinations ${STORES.demo.arn}`);
    await expect(page.getByText(E2E_TRAIL_URI, { exact: true })).toBeVisible();
    // Start waits for the preflight; this source passes it.
    await expect(page.getByText(/^Ready to start/)).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole("button", { name: "Start import" }));
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/imports\/[a-f0-9-]{36}\?region=us-east-1$/);
    await expect(page.getByText("Import started")).toBeVisible();
    // The import exists in the Lake with the wizard's values and is under way.
    const importId = /\/imports\/([a-f0-9-]{36})/.exec(page.url())?.[1] ?? "";
    const created = await lake("us-east-1").send(new GetImportCommand({ ImportId: importId }));
    expect(created.Destinations).toEqual([STORES.demo.arn]);
    expect(created.ImportSource?.S3).toEqual({
      S3LocationUri: E2E_TRAIL_URI,
      S3BucketRegion: "us-east-1",
      S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
    });
    expect(["INITIALIZING", "IN_PROGRESS", "COMPLETED", "FAILED"]).toContain(created.ImportStatus);
    // Per-user mode: CloudTrail's own record of this StartImport names the person, and the page says so.
    const { Events = [] } = await lake("us-east-1").send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
      }),
    );
    const record = Events.map(
      (event) =>
        JSON.parse(event.CloudTrailEvent ?? "{}") as {
          responseElements?: { importId?: string };
          userIdentity?: { sessionContext?: { sourceIdentity?: string } };
        },
    ).find((event) => event.responseElements?.importId === importId);
    expect(record?.userIdentity?.sessionContext?.sourceIdentity).toBe(DEMO_USERS.alice.email);
    await expect(page.getByRole("main").getByText(/^Started by/)).toContainText(
      DEMO_USERS.alice.email,
    );
    // The import links to its activity, where the start is listed with who made it (appended just after
    // the action answered, so the page may need a reload to show it).
    await page.getByRole("link", { name: "Activity for this import" }).click();
    await expect(page).toHaveURL(new RegExp(`/activity\\?import=${importId}$`));
    const started = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "start", exact: true }) });
    await expect(async () => {
      await page.reload();
      await expect(started).toHaveCount(1, { timeout: 1_000 });
    }).toPass();
    await expect(started).toContainText(DEMO_USERS.alice.email);
    await expect(started).toContainText("operator");
    await expect(started).toContainText(E2E_TRAIL_URI);
    // The draft is gone: a new wizard starts empty.
    await page.goto("/imports/new");
    await expect(page.getByRole("radio", { name: /demo-trail-events/ })).not.toBeChecked();
  });

  test("invalid values show the schema's messages on the right fields, and focus the first one", async ({
    page,
  }) => {
    await page.goto("/imports/new");
    await pressContinue(page);
    await expect(page.getByText("Destination event data store is required")).toBeVisible();

    await page.getByRole("button", { name: "Enter an event data store ARN instead" }).click();
    const arn = page.getByLabel("Event data store ARN");
    await arn.fill("arn:aws:cloudtrail:us-east-1:123:eventdatastore/x");
    await pressContinue(page);
    await expect(arn).toBeFocused();
    await expect(arn).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/Destination must be an event data store ARN/)).toBeVisible();
    await arn.fill(STORES.demo.arn);
    await pressContinue(page);

    await page.getByLabel("S3 URI of the trail logs").fill("s3://Bad_Bucket/logs/");
    await pressContinue(page);
    await expect(page.getByText(/Bucket names may contain only lower-case letters/)).toBeVisible();
    await expect(page.getByText("Region is required")).toBeVisible();
    await expect(page.getByLabel("S3 URI of the trail logs")).toBeFocused();
    await page.getByLabel("S3 URI of the trail logs").fill("s3://no-such-bucket-for-e2e/AWSLogs/");
    await page.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await pressContinue(page);

    await page.getByLabel("S3 access role ARN").fill("arn:aws:iam::111122223333:user/alice");
    await pressContinue(page);
    await expect(page.getByText(/Role ARN must look like/)).toBeVisible();
    await page.getByLabel("S3 access role ARN").fill(IMPORT_ROLE_ARN);
    await pressContinue(page);

    await page.getByLabel("Start (UTC)").fill("2026-02-01T00:00");
    await page.getByLabel("End (UTC)").fill("2026-01-01T00:00");
    await pressContinue(page);
    await expect(page.getByText("End time must be on or after the start time")).toBeVisible();
    await page.getByLabel("End (UTC)").fill("2099-01-01T00:00");
    await expect(
      page.getByText("End time must not be in the future (times are UTC)"),
    ).toBeVisible();
    await page.getByRole("button", { name: "All log files (no range)" }).click();
    await pressContinue(page);

    // The preflight finds the missing bucket; starting anyway, CloudTrail's error lands on the S3 URI field.
    await page.getByLabel("Start anyway, although checks failed").check();
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText(/CloudTrail can't import from this S3 location/)).toBeVisible();
    await page.getByRole("link", { name: "Fix it on the Source step" }).click();
    await expect(page).toHaveURL(/\?step=source$/);
    await expect(page.getByLabel("S3 URI of the trail logs")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByText(/CloudTrail can't import from this S3 location/)).toBeVisible();
  });

  test("an ongoing import blocks the start, and the error links to it", async ({ page }) => {
    // The demo bucket's ~60 days of files keep this import running for the whole test.
    const running = await lake("us-east-1").send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: DEMO_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    const runningId = running.ImportId ?? "";
    await fillToReview(page);
    // The preflight sees it too; starting anyway, CloudTrail's refusal names it.
    await page.getByLabel("Start anyway, although checks failed").check();
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(
      page.getByText(/Another import is still running in this AWS account/),
    ).toBeVisible();
    await page.getByRole("link", { name: runningId }).click();
    await expect(page).toHaveURL(new RegExp(`/imports/${runningId}\\?region=us-east-1$`));
  });

  test("a reload mid-wizard keeps the draft and the step; deep links can't skip ahead", async ({
    page,
  }) => {
    await page.goto("/imports/new?step=review");
    await expect(page).toHaveURL(/\?step=destination$/);
    await page.getByRole("radio", { name: /eu-trail-events/ }).check();
    await pressContinue(page);
    await page.getByLabel("S3 URI of the trail logs").fill(E2E_TRAIL_URI);
    await page.getByRole("combobox", { name: "Bucket Region" }).click();
    await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
    await pressContinue(page);
    await page.getByLabel("S3 access role ARN").fill(IMPORT_ROLE_ARN);
    await expect(page.getByRole("group", { name: "KMS key policy statement JSON" })).toBeVisible();

    await page.reload();
    await expect(stepHeading(page, "Access role")).toBeVisible();
    await expect(page.getByLabel("S3 access role ARN")).toHaveValue(IMPORT_ROLE_ARN);
    await page.goto("/imports/new?step=review");
    await expect(page).toHaveURL(/\?step=role$/);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("S3 URI of the trail logs")).toHaveValue(E2E_TRAIL_URI);
    await page.goBack();
    await expect(stepHeading(page, "Access role")).toBeVisible();
  });

  test("the draft survives a sign-in round trip after the session is lost", async ({
    page,
    context,
  }) => {
    await page.goto("/imports/new");
    await page.getByRole("radio", { name: /demo-trail-events/ }).check();
    await pressContinue(page);
    await page.getByLabel("S3 URI of the trail logs").fill(E2E_TRAIL_URI);
    await expect(page).toHaveURL(/\?step=source$/);

    // Losing every cookie (app session and IdP session) forces a full sign-in through the IdP.
    await context.clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signInThroughIdp(page, DEMO_USERS.alice);
    await expect(page).toHaveURL(/\/imports\/new\?step=source$/);
    await expect(page.getByLabel("S3 URI of the trail logs")).toHaveValue(E2E_TRAIL_URI);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByRole("radio", { name: /demo-trail-events/ })).toBeChecked();
  });

  test("a viewer can't start an import and is told why and whom to ask", async ({ viewerPage }) => {
    await viewerPage.goto("/imports/new");
    await expect(viewerPage.getByText("Only operators can start imports")).toBeVisible();
    await expect(viewerPage.getByText(/imports-operators/)).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: /Continue|Start import/ })).toHaveCount(0);
    await expectNoAxeViolations(viewerPage);
  });
});

// The review step loads lazily. Until everything it summarises is on screen, "Start import" must
// not start anything: a quick click would otherwise start an import nobody reviewed.
import type { Page, Route } from "@playwright/test";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN } from "../local/lake/seed/constants";
import { expect, test } from "./fixtures";

async function fillToDates(page: Page): Promise<void> {
  const next = () => page.getByRole("button", { name: "Continue" }).click();
  await page.goto("/imports/new");
  await page.getByRole("radio", { name: /demo-trail-events/ }).check();
  await next();
  await page.getByLabel("S3 URI of the trail logs").fill(E2E_TRAIL_URI);
  await page.getByRole("combobox", { name: "Bucket Region" }).click();
  await page.getByRole("option", { name: "US East (N. Virginia) (us-east-1)" }).click();
  await next();
  await page.getByLabel("S3 access role ARN").fill(IMPORT_ROLE_ARN);
  await next();
  await page.getByRole("button", { name: "Last 7 days" }).click();
}

test.describe("review step", () => {
  test("Start import stays disabled until the review has rendered", async ({ page }) => {
    await fillToDates(page);
    // Hold the script the review step needs, as a slow network would.
    const held: Route[] = [];
    let released = false;
    await page.route("**/_next/static/chunks/**", (route) =>
      released ? route.continue() : void held.push(route),
    );
    await page.getByRole("button", { name: "Continue" }).click();

    const start = page.getByRole("button", { name: "Start import" });
    await expect(page.getByRole("status").filter({ hasText: "Loading this step" })).toBeAttached();
    await expect(start).toBeDisabled();
    await expect.poll(() => held.length).toBeGreaterThan(0);

    released = true;
    for (const route of held) await route.continue();
    await expect(page.getByText("Destination ARN", { exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "AWS CLI start-import command" })).toBeVisible();
    await expect(start).toBeEnabled();
  });
});

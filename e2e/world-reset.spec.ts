// The local world is reset while the app runs (as `npm run local -- --reset` would): every STS
// session the app cached for a person becomes unknown to the Lake, as when an administrator
// revokes a role's active sessions on AWS. The next page view must work, without signing out.
import { accountMenu, expect, test } from "./fixtures";
import { clearCalls, listCalls, resetLakeWorld } from "./support/lake";

test.describe("credentials AWS stops accepting", () => {
  test("after a world reset the next page view works, without a sign-out", async ({ page }) => {
    await page.goto("/imports");
    const imports = page.getByRole("region", { name: "Imports" });
    await expect(imports.locator("tbody tr").first()).toBeVisible();

    await resetLakeWorld();
    await clearCalls();

    // A filter the app has not cached yet, so both Regions are really asked with the old session.
    await page.goto("/imports?status=COMPLETED");
    await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
    await expect(imports.locator("tbody tr").first()).toBeVisible();
    await expect(
      page.getByText(/could not be listed|out of date|didn't recognise|refused/),
    ).toHaveCount(0);
    await expect(accountMenu(page)).toContainText("Operator");

    // The old session really was refused, and one new session replaced it.
    const calls = await listCalls();
    expect(calls.some((call) => call.error === "UnrecognizedClientException")).toBe(true);
    expect(calls.filter((call) => call.operation === "AssumeRole").length).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      calls.filter((call) => call.service === "cloudtrail" && call.status === 200).length,
    ).toBeGreaterThan(0);
  });
});

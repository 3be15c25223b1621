// Every page fits the window at desktop, tablet, portal-frame and phone widths: nothing pushes the
// document sideways (wide tables scroll inside their own region), and axe passes at each width.
// Pages come from the main navigation, so a page added there is checked without editing this file.
import AxeBuilder from "@axe-core/playwright";
import { ListImportsCommand } from "@aws-sdk/client-cloudtrail";
import type { Page } from "@playwright/test";
import { IMPORT_WIZARD_STEP_IDS } from "../lib/schemas/import-wizard";
import { expect, test } from "./fixtures";
import { aliceClient } from "./support/lake";

const WIDTHS = [1280, 768, 600, 360] as const;
const HEIGHT = 900;

/** How far the document is wider than the window, and the elements that stick out past its right edge. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    const culprits =
      excess > 0
        ? Array.from(document.body.querySelectorAll<HTMLElement>("*"))
            .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120))
        : [];
    return { excess, culprits };
  });
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** Loads `path`, waits for its heading, and checks it fits `width` and passes axe. */
async function expectFits(page: Page, path: string, width: number) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  expect.soft(await horizontalOverflow(page), `${path} at ${width}px`).toEqual({
    excess: 0,
    culprits: [],
  });
  expect.soft(await axeViolations(page), `axe on ${path} at ${width}px`).toEqual([]);
}

/** The pages the main navigation offers this person, with the wizard expanded into its steps. */
async function pagesFromNav(page: Page, detailPath: string): Promise<string[]> {
  await page.goto("/imports");
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) =>
    anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  expect(hrefs).toContain("/imports");
  return [
    ...hrefs.flatMap((href) =>
      href === "/imports/new"
        ? IMPORT_WIZARD_STEP_IDS.map((step) => `/imports/new?step=${step}`)
        : [href],
    ),
    detailPath,
  ];
}

/** A failed seeded import, so its page shows the failures table as well. */
async function failedImportPath(): Promise<string> {
  const { Imports = [] } = await aliceClient().send(
    new ListImportsCommand({ MaxResults: 50, ImportStatus: "FAILED" }),
  );
  const id = Imports[0]?.ImportId;
  if (!id) throw new Error("the local world has no failed import to show");
  return `/imports/${id}`;
}

test.describe("layout fits the window", () => {
  for (const width of WIDTHS) {
    test(`the sign-in page fits ${width}px`, async ({ signedOutPage }) => {
      await signedOutPage.setViewportSize({ width, height: HEIGHT });
      await expectFits(signedOutPage, "/sign-in", width);
    });

    test(`every page an operator can open fits ${width}px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: HEIGHT });
      const pages = await pagesFromNav(page, await failedImportPath());
      expect(pages).toContain("/imports/new?step=review");
      for (const path of pages) await expectFits(page, path, width);
    });

    test(`every page a viewer can open fits ${width}px`, async ({ viewerPage }) => {
      test.setTimeout(120_000);
      await viewerPage.setViewportSize({ width, height: HEIGHT });
      const pages = await pagesFromNav(viewerPage, await failedImportPath());
      expect(pages).not.toContain("/imports/new?step=review");
      for (const path of pages) await expectFits(viewerPage, path, width);
    });
  }

  for (const width of [600, 360] as const) {
    test(`the compact embedded layout fits a ${width}px frame`, async ({ page }) => {
      await page.setViewportSize({ width, height: HEIGHT });
      for (const path of ["/imports", await failedImportPath(), "/activity"]) {
        await expectFits(page, `${path}?embed=1`, width);
        await expect(page.getByRole("banner")).toHaveCount(0);
      }
    });
  }

  test("below 768px each import is a card with its status first; from 768px a table", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: HEIGHT });
    await page.goto("/imports");
    const cards = page.getByRole("list", { name: "Imports" }).getByRole("article");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const first = cards.first();
    await expect(first.getByRole("heading", { level: 2 })).toHaveText(/^Import [0-9a-f]{8}$/);
    // Status and progress lead the card.
    const order = await first.evaluate((card) => {
      const text = card.textContent ?? "";
      return {
        status: text.search(/Completed|Failed|Stopped|In progress|Initializing/),
        destination: text.indexOf("Destination"),
      };
    });
    expect(order.status).toBeGreaterThanOrEqual(0);
    expect(order.status).toBeLessThan(order.destination);

    await page.setViewportSize({ width: 1280, height: HEIGHT });
    const table = page.getByRole("region", { name: "Imports" }).getByRole("table");
    await expect(table).toBeVisible();
    await expect(page.getByRole("list", { name: "Imports" })).toBeHidden();
    // At 1280 px the table itself fits: its last columns need no sideways scroll.
    for (const name of ["Status", "Progress", "Updated", "Started by"]) {
      await expect(table.getByRole("columnheader", { name, exact: true })).toBeInViewport({
        ratio: 1,
      });
    }
    const region = page.getByRole("region", { name: "Imports" });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  });
});

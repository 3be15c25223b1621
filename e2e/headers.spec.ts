import { request as playwrightRequest, type APIResponse } from "@playwright/test";
// PORTAL_ORIGIN is the allowed portal of the embedding deployment (EMBED_APP_ORIGIN) in playwright.config.ts;
// the main deployment under test allows no framing at all.
import { EMBED_APP_ORIGIN, expect, IDP_ORIGIN, PORTAL_ORIGIN, test } from "./fixtures";

/** Every kind of route: pages, sign-in pages, probes, API routes and next-auth's own handler. */
const ROUTES = [
  "/",
  "/imports",
  "/imports/new",
  // Dynamic routes and the data API (an id no import has: not-found answers need the headers too).
  "/imports/0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a99",
  "/imports/0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a99?region=us-east-1",
  "/api/imports",
  "/api/imports/0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a99?region=us-east-1",
  "/api/imports/0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a99/failures?region=us-east-1",
  "/embed/sign-in",
  "/sign-in",
  "/sign-in/error",
  "/api/health",
  "/api/ready",
  "/api/auth/providers",
  "/api/auth/csrf",
];

function expectSecurityHeaders(
  response: APIResponse,
  route: string,
  frameAncestors = "'none'",
): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, route).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
  expect(csp, route).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  const ancestors = csp
    .split(";")
    .map((directive) => directive.trim())
    .find((d) => d.startsWith("frame-ancestors"));
  expect(ancestors, route).toBe(`frame-ancestors ${frameAncestors}`);
  expect(csp, route).toContain(`form-action 'self' ${IDP_ORIGIN}`);
  expect(headers["x-content-type-options"], route).toBe("nosniff");
  expect(headers["referrer-policy"], route).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], route).toContain("camera=()");
  expect(headers["x-frame-options"], route).toBeUndefined();
  // The app under test runs on http: HSTS would be ignored there, and must not be sent.
  expect(headers["strict-transport-security"], route).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

test.describe("security headers", () => {
  test("every route carries them when signed in", async ({ request }) => {
    for (const route of ROUTES) {
      const response = await request.get(route, { maxRedirects: 0 });
      expect(response.status(), route).toBeLessThan(500);
      expectSecurityHeaders(response, route);
    }
  });

  test("redirects and 401s for signed-out visitors carry them too", async ({ baseURL }) => {
    // Explicitly empty: a context made inside a test otherwise inherits the project's signed-in storage state.
    const anonymous = await playwrightRequest.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const redirect = await anonymous.get("/imports/new", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["location"]).toContain("/sign-in?callbackUrl=%2Fimports%2Fnew");
    expectSecurityHeaders(redirect, "redirect to sign-in");
    const unauthorized = await anonymous.get("/api/imports");
    expect(unauthorized.status()).toBe(401);
    expectSecurityHeaders(unauthorized, "401 API");
    for (const route of ["/sign-in", "/sign-in/error", "/api/health", "/api/auth/providers"]) {
      expectSecurityHeaders(await anonymous.get(route, { maxRedirects: 0 }), `${route} signed out`);
    }
    await anonymous.dispose();
  });

  test("the embedding deployment lets exactly its portal frame it, with partitioned session cookies", async () => {
    const embedded = await playwrightRequest.newContext({
      baseURL: EMBED_APP_ORIGIN,
      storageState: { cookies: [], origins: [] },
    });
    for (const route of ["/sign-in", "/imports", "/api/health"]) {
      const response = await embedded.get(route, { maxRedirects: 0 });
      expectSecurityHeaders(response, `${route} (embedding)`, `'self' ${PORTAL_ORIGIN}`);
    }
    const csrf = await embedded.get("/api/auth/csrf");
    const cookies = csrf
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.value).toMatch(/SameSite=None/i);
      expect(cookie.value).toMatch(/Partitioned/i);
    }
    await embedded.dispose();
  });

  test("the default deployment's cookies stay first-party (SameSite=Lax, not partitioned)", async ({
    baseURL,
  }) => {
    // A fresh context: next-auth sets its CSRF cookie only for a visitor who has none yet.
    const request = await playwrightRequest.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const csrf = await request.get("/api/auth/csrf");
    const cookies = csrf
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.value).toMatch(/SameSite=Lax/i);
      expect(cookie.value).not.toMatch(/Partitioned/i);
    }
    await request.dispose();
  });

  test("each page gets a fresh nonce, and Next stamps it on its scripts", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const nonce = expectSecurityHeaders(first, "/sign-in");
    expect(nonce).not.toBe(expectSecurityHeaders(second, "/sign-in again"));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test("pages run under the CSP without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/imports");
    await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "New import" })
      .click();
    await expect(page).toHaveURL(/\/imports\/new/);
    expect(violations).toEqual([]);
  });

  test("/api/ready reports each dependency of the local world as ready", async ({ request }) => {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
    expect(body.status).toBe("ready");
    expect(
      Object.fromEntries(Object.entries(body.checks).map(([name, check]) => [name, check.status])),
    ).toEqual({
      config: "ok",
      idp: "ok",
      cloudtrail: "ok",
      database: "ok",
    });
  });
});

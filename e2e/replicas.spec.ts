// Two servers of the same build on one database, as two replicas behind a load balancer: whatever one
// replica decided (a start, a redeemed ticket, a spent budget, a sign-out), the other honours.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import {
  E2E_BUCKET_REGION,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "../local/lake/seed/constants";
import {
  accountMenu,
  APP_ORIGIN,
  DEMO_USERS,
  expect,
  SIGNED_OUT,
  signInThroughIdp,
  STORAGE_STATE,
  test,
} from "./fixtures";
import {
  type ActionEndpoint,
  actionByName,
  buildActions,
  callAction,
  cookieHeader,
} from "./support/actions";
import { resetBudgets } from "./support/budgets";
import { aliceClient, clearCalls, cloudTrailCalls, stopEverythingRunning } from "./support/lake";

/** The action budget's row for alice (lib/auth/rate-limit.ts scope "action", keyed by her subject). */
const ALICE_ACTION_BUDGET = "action:alice";
const ACTION_LIMIT = 20;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

let replica: ChildProcess | undefined;
let second = "";
let actions: ActionEndpoint[] = [];

/** Clears alice's action budget, so a test counts a fresh window and later specs are not throttled. */
const resetAliceBudget = () => resetBudgets(ALICE_ACTION_BUDGET);

async function activityRows(importId: string): Promise<string[][]> {
  const response = await fetch(`${APP_ORIGIN}/api/activity/export?import=${importId}`, {
    headers: { Cookie: cookieHeader(STORAGE_STATE.operator) },
  });
  expect(response.status).toBe(200);
  const [, ...lines] = (await response.text()).trim().split("\r\n");
  // time, email, role and action hold no commas, so the first four cells split cleanly.
  return lines.map((line) => line.split(",").slice(0, 4));
}

test.describe("two replicas on one database", () => {
  test.beforeAll(async () => {
    actions = buildActions();
    const port = await freePort();
    second = `http://127.0.0.1:${port}`;
    // The main app's environment (NEXTAUTH_URL included: both sit behind one public address).
    replica = spawn(process.execPath, [".next/standalone/server.js"], {
      env: { ...process.env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(port) },
      stdio: "ignore",
    });
    await expect
      .poll(
        () =>
          fetch(`${second}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          timeout: 60_000,
        },
      )
      .toBe(200);
    await resetAliceBudget();
  });

  test.afterAll(async () => {
    replica?.kill("SIGTERM");
    await resetAliceBudget();
  });

  test("a start replayed on the other replica answers with the first result, one StartImport, each call logged once", async () => {
    const client = aliceClient();
    await stopEverythingRunning(client);
    const cookie = cookieHeader(STORAGE_STATE.operator);
    const start = actionByName(actions, "startImportAction");
    const end = new Date(Date.now() - 60_000);
    const args = [
      {
        destination: STORES.demo.arn,
        s3Uri: E2E_TRAIL_URI,
        bucketRegion: E2E_BUCKET_REGION,
        roleArn: IMPORT_ROLE_ARN,
        startTime: new Date(end.getTime() - 2 * 86_400_000).toISOString(),
        endTime: end.toISOString(),
        submissionId: randomUUID(),
      },
    ];
    await clearCalls();
    const first = await callAction(start, args, { cookie });
    expect(first.result).toMatchObject({ ok: true, data: { region: "us-east-1" } });
    const replay = await callAction(start, args, { cookie, server: second });
    expect(replay.result).toEqual(first.result);
    const starts = (await cloudTrailCalls()).filter((call) => call.operation === "StartImport");
    expect(starts).toHaveLength(1);

    const { importId } = (first.result as { data: { importId: string } }).data;
    const stop = actionByName(actions, "stopImportAction");
    await callAction(stop, [{ importId, region: "us-east-1" }], { cookie, server: second });
    await stopEverythingRunning(client);

    // Appended after each response, on whichever replica served it; each call exactly once.
    await expect.poll(async () => (await activityRows(importId)).length).toBe(3);
    const rows = await activityRows(importId);
    expect(rows.map((row) => row[3]).sort()).toEqual(["start", "start", "stop"]);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([DEMO_USERS.alice.email]));
  });

  test("a hand-off ticket redeemed on one replica is refused on the other", async () => {
    const nonce = "r".repeat(43);
    const issued = await fetch(`${APP_ORIGIN}/api/embed/ticket`, {
      method: "POST",
      headers: {
        Origin: APP_ORIGIN,
        Cookie: cookieHeader(STORAGE_STATE.operator),
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ nonce }),
    });
    expect(issued.status).toBe(200);
    const { ticket } = (await issued.json()) as { ticket: string };
    const redeem = (server: string) =>
      fetch(`${server}/api/embed/redeem`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN, "Content-Type": "application/json" },
        body: JSON.stringify({ ticket, nonce }),
      });
    const onSecond = await redeem(second);
    expect(onSecond.status).toBe(200);
    expect(onSecond.headers.get("set-cookie")).toContain("session-token=");
    const onFirst = await redeem(APP_ORIGIN);
    expect(onFirst.status).toBe(401);
    expect(onFirst.headers.get("set-cookie")).toBeNull();
  });

  test("the action budget is one across replicas: together they allow exactly the limit", async () => {
    await resetAliceBudget();
    const cookie = cookieHeader(STORAGE_STATE.operator);
    const stop = actionByName(actions, "stopImportAction");
    // Malformed input is refused after the budget is taken and before AWS, so the count costs no AWS call.
    const codes: string[] = [];
    for (let i = 0; i < ACTION_LIMIT + 6; i++) {
      const reply = await callAction(stop, [{ importId: "not-an-id" }], {
        cookie,
        ...(i % 2 === 1 ? { server: second } : {}),
      });
      codes.push((reply.result as { code: string }).code);
    }
    expect(codes.filter((code) => code === "invalid")).toHaveLength(ACTION_LIMIT);
    expect(codes.filter((code) => code === "rate_limited")).toHaveLength(6);
    await resetAliceBudget();
  });

  test.describe("signing out", () => {
    test.use({ storageState: SIGNED_OUT });

    test("a session signed out on one replica is refused on the other", async ({ page }) => {
      await page.goto("/imports");
      await signInThroughIdp(page, DEMO_USERS.alice);
      await expect(accountMenu(page)).toContainText("Operator");
      const host = new URL(APP_ORIGIN).hostname;
      const cookie = (await page.context().cookies())
        .filter((c) => c.domain.replace(/^\./, "") === host)
        .map((c) => `${c.name}=${c.value}`)
        .join("; ");
      const onSecond = () =>
        fetch(`${second}/api/imports`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect((await onSecond()).status).toBe(200);

      await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/signedOut=1/);
      expect((await onSecond()).status).toBe(401);
    });
  });
});

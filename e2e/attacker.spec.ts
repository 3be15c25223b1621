// Every server action and route handler called over raw HTTP as an attacker would,
// without the UI. Refusals must be typed (never a 5xx) and the local Lake's call log must show that no
// CloudTrail call was made while the attempt ran.
import { randomUUID } from "node:crypto";
import {
  IMPORT_ROLE_ARN,
  E2E_TRAIL_URI,
  E2E_BUCKET_REGION,
  STORES,
} from "../local/lake/seed/constants";
import { APP_ORIGIN, expect, STORAGE_STATE, test } from "./fixtures";
import {
  type ActionEndpoint,
  type ActionName,
  ACTION_NAMES,
  actionByName,
  buildActions,
  callAction,
  cookieHeader,
} from "./support/actions";
import { clearCalls, cloudTrailCalls } from "./support/lake";

const UNKNOWN_IMPORT = "0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a99";
const UNKNOWN_PLAN = "5d1c7e2a-3b4f-4a6e-9c8d-7e6f5a4b3c21";

/** Arguments that pass validation, so a refusal proves the session or role check, not the schema. */
function validArgs(name: ActionName): unknown[] {
  if (name === "startImportAction") {
    const end = new Date(Date.now() - 60_000);
    return [
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
  }
  if (name === "createPlanAction") {
    return [
      {
        destination: STORES.demo.arn,
        sources: [
          { s3Uri: E2E_TRAIL_URI, bucketRegion: E2E_BUCKET_REGION, roleArn: IMPORT_ROLE_ARN },
        ],
        range: { from: "2026-01-01", to: "2026-01-14" },
        chunkSize: "week",
        maxRetries: 3,
        submissionId: randomUUID(),
      },
    ];
  }
  if (name === "skipChunkAction" || name === "rerunChunkAction") {
    return [{ planId: UNKNOWN_PLAN, chunkId: UNKNOWN_PLAN }];
  }
  if (name.endsWith("PlanAction")) return [{ planId: UNKNOWN_PLAN }];
  return [{ importId: UNKNOWN_IMPORT, region: "us-east-1" }];
}

/** Runs `attempt` with an empty call log and asserts the Lake saw no CloudTrail call during it. */
async function withoutAwsCalls<T>(attempt: () => Promise<T>): Promise<T> {
  await clearCalls();
  const result = await attempt();
  expect(await cloudTrailCalls(), "CloudTrail calls made during the attempt").toEqual([]);
  return result;
}

let actions: ActionEndpoint[] = [];

test.describe("attacker: server actions over raw HTTP", () => {
  test.beforeAll(() => {
    actions = buildActions();
    // A new action must be added to ACTION_NAMES (and validArgs), so every test below covers it.
    expect(actions.map((action) => action.name).sort()).toEqual([...ACTION_NAMES].sort());
  });

  test("the harness is live: the operator's stop of an unknown import reaches the Lake", async () => {
    await clearCalls();
    const reply = await callAction(
      actionByName(actions, "stopImportAction"),
      validArgs("stopImportAction"),
      {
        cookie: cookieHeader(STORAGE_STATE.operator),
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.result).toMatchObject({ ok: false, code: "aws" });
    const calls = await cloudTrailCalls();
    expect(calls.map((call) => [call.operation, call.error])).toEqual([
      ["StopImport", "ImportNotFoundException"],
    ]);
  });

  test("without a session, the proxy answers every action POST with a redirect to sign-in", async () => {
    // proxy.ts runs before the page: a signed-out POST never reaches the action. The action's own
    // `unauthenticated` result is therefore unreachable over HTTP without a session; the pipeline's unit
    // test (lib/actions/action-pipeline.test.ts) covers it.
    for (const action of actions) {
      const reply = await withoutAwsCalls(() => callAction(action, validArgs(action.name)));
      expect(reply.status, action.name).toBe(307);
      expect(reply.result, action.name).toBeUndefined();
    }
  });

  test("without a session, routing an action through a public page does not get past the proxy", async () => {
    // Next forwards an action posted to a page that lacks it to a page that has it, over HTTP, so the
    // forwarded request meets the proxy too; Next then answers an empty JSON object.
    for (const action of actions) {
      const reply = await withoutAwsCalls(() =>
        callAction({ ...action, path: "/sign-in" }, validArgs(action.name)),
      );
      expect(reply.status, action.name).toBeLessThan(500);
      expect(reply.text, action.name).toBe("{}");
    }
  });

  test("a forged or tampered session cookie is treated as no session", async () => {
    const real = cookieHeader(STORAGE_STATE.operator);
    // Flip part of the encrypted session token: its authentication tag no longer matches.
    const tampered = real.replace(/(session-token=[^;]{20})[^;]{10}/, "$1AAAAAAAAAA");
    expect(tampered).not.toBe(real);
    for (const cookie of [
      tampered,
      "trail-imports.session-token=forged",
      "next-auth.session-token=forged",
    ]) {
      for (const action of actions) {
        const reply = await withoutAwsCalls(() =>
          callAction(action, validArgs(action.name), { cookie }),
        );
        expect(reply.status, action.name).toBe(307);
      }
    }
  });

  test("as the viewer, each mutating action answers forbidden", async () => {
    const cookie = cookieHeader(STORAGE_STATE.viewer);
    for (const action of actions) {
      const reply = await withoutAwsCalls(() =>
        callAction(action, validArgs(action.name), { cookie }),
      );
      expect(reply.status, action.name).toBe(200);
      expect(reply.result, action.name).toEqual({
        ok: false,
        code: "forbidden",
        error: "This needs the operator role, which your account does not have.",
      });
    }
  });

  test("a foreign Origin is refused by Next's CSRF check before the action runs", async () => {
    // next 16.4.6 aborts with "Invalid Server Actions request" as HTTP 500 when the Origin host matches neither
    // the Host nor allowedOrigins; the body is an
    // error row with a digest only, so nothing leaks. That 500 is Next's, not the app's.
    const cookie = cookieHeader(STORAGE_STATE.operator);
    for (const action of actions) {
      const reply = await withoutAwsCalls(() =>
        callAction(action, validArgs(action.name), { cookie, origin: "https://evil.example" }),
      );
      expect(reply.status, action.name).toBe(500);
      expect(reply.result, action.name).toBeUndefined();
      expect(reply.text, action.name).toMatch(/^1:E\{"digest":"\d+"\}$/m);
    }
  });

  test("Origin: null (a sandboxed frame or a data: page) is refused like a foreign origin", async () => {
    const cookie = cookieHeader(STORAGE_STATE.operator);
    for (const action of actions) {
      const reply = await withoutAwsCalls(() =>
        callAction(action, validArgs(action.name), { cookie, origin: "null" }),
      );
      expect(reply.status, action.name).toBe(500);
      expect(reply.result, action.name).toBeUndefined();
    }
  });

  test("the multipart form path (no JavaScript) meets the same origin check", async () => {
    const cookie = cookieHeader(STORAGE_STATE.operator);
    const stop = actionByName(actions, "stopImportAction");
    for (const origin of ["https://evil.example", "null"]) {
      const form = new FormData();
      form.set(`$ACTION_ID_${stop.id}`, "");
      form.set("importId", UNKNOWN_IMPORT);
      form.set("region", "us-east-1");
      const response = await withoutAwsCalls(() =>
        fetch(`${APP_ORIGIN}${stop.path}`, {
          method: "POST",
          headers: { Cookie: cookie, Origin: origin },
          body: form,
          redirect: "manual",
        }),
      );
      expect(response.status, origin).toBeGreaterThanOrEqual(400);
    }
  });

  test("an unknown action id is refused without running anything", async () => {
    const [first] = actions;
    if (!first) throw new Error("no action");
    const reply = await withoutAwsCalls(() =>
      callAction({ ...first, id: "7f".padEnd(42, "0") }, validArgs(first.name), {
        cookie: cookieHeader(STORAGE_STATE.operator),
      }),
    );
    // next 16.4.6 answers an id it cannot resolve with a plain-text 4xx (404 or 409, by the id's shape).
    expect([404, 409]).toContain(reply.status);
    expect(reply.result).toBeUndefined();
  });
});

test.describe("attacker: an operator naming resources the app does not offer", () => {
  const FOREIGN_ACCOUNT = "444455556666";
  const cases: [string, Record<string, string>, string][] = [
    [
      "a store in an account the app does not list",
      { destination: `arn:aws:cloudtrail:us-east-1:${FOREIGN_ACCOUNT}:eventdatastore/forged` },
      "DestinationNotAllowed",
    ],
    ["an ineligible store", { destination: STORES.config.arn }, "DestinationNotAllowed"],
    [
      "an access role in another account",
      { roleArn: `arn:aws:iam::${FOREIGN_ACCOUNT}:role/CloudTrailLakeImport` },
      "RoleNotInStoreAccount",
    ],
    [
      "a role of the store's account that is not on the list",
      { roleArn: "arn:aws:iam::111122223333:role/Admin" },
      "RoleNotAllowed",
    ],
    [
      "a bucket the attacker controls",
      { s3Uri: `s3://attacker-forged-logs/AWSLogs/${FOREIGN_ACCOUNT}/CloudTrail/` },
      "SourceNotAllowed",
    ],
  ];

  for (const [label, overrides, awsCode] of cases) {
    test(`StartImport is never called for ${label}`, async () => {
      const [args] = validArgs("startImportAction") as [Record<string, unknown>];
      await clearCalls();
      const reply = await callAction(
        actionByName(buildActions(), "startImportAction"),
        [{ ...args, ...overrides }],
        { cookie: cookieHeader(STORAGE_STATE.operator) },
      );
      expect(reply.status).toBe(200);
      expect(reply.result).toMatchObject({ ok: false, code: "aws", detail: { awsCode } });
      const starts = (await cloudTrailCalls()).filter((call) => call.operation === "StartImport");
      expect(starts, "StartImport calls").toEqual([]);
    });
  }
});

/** Every route handler that reads data or mints a session, with the ids and params a real call would use. */
const ROUTES = [
  "/api/imports",
  "/api/imports?region=us-east-1&status=FAILED",
  `/api/imports/${UNKNOWN_IMPORT}`,
  `/api/imports/${UNKNOWN_IMPORT}?region=us-east-1`,
  `/api/imports/${UNKNOWN_IMPORT}/failures?region=us-east-1`,
];

test.describe("attacker: route handlers without a session", () => {
  for (const cookie of ["", "trail-imports.session-token=forged"]) {
    test(`data routes answer 401 JSON${cookie ? " to a forged cookie" : ""}`, async () => {
      for (const route of ROUTES) {
        const response = await withoutAwsCalls(() =>
          fetch(`${APP_ORIGIN}${route}`, {
            headers: cookie ? { Cookie: cookie } : {},
            redirect: "manual",
          }),
        );
        expect(response.status, route).toBe(401);
        expect(response.headers.get("content-type"), route).toContain("application/json");
        expect(await response.json(), route).toMatchObject({ error: "unauthenticated" });
      }
    });
  }

  test("the embed ticket route refuses a signed-out caller and a foreign origin", async () => {
    const body = JSON.stringify({ nonce: "a".repeat(43) });
    const signedOut = await withoutAwsCalls(() =>
      fetch(`${APP_ORIGIN}/api/embed/ticket`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN },
        body,
      }),
    );
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ error: "unauthenticated" });
    const foreign = await withoutAwsCalls(() =>
      fetch(`${APP_ORIGIN}/api/embed/ticket`, {
        method: "POST",
        headers: { Origin: "https://evil.example", Cookie: cookieHeader(STORAGE_STATE.operator) },
        body,
      }),
    );
    expect(foreign.status).toBe(403);
  });

  test("a real hand-off ticket is refused with a wrong nonce and works exactly once", async () => {
    const nonce = "n".repeat(43);
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
    const redeem = (withNonce: string) =>
      fetch(`${APP_ORIGIN}/api/embed/redeem`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN, "Content-Type": "application/json" },
        body: JSON.stringify({ ticket, nonce: withNonce }),
      });
    const wrong = await redeem("w".repeat(43));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const first = await redeem(nonce);
    expect(first.status).toBe(200);
    expect(first.headers.get("set-cookie")).toContain("session-token=");
    const replay = await redeem(nonce);
    expect(replay.status).toBe(401);
    expect(replay.headers.get("set-cookie")).toBeNull();
  });

  test("the embed redeem route (public by design) refuses forged tickets", async () => {
    const response = await withoutAwsCalls(() =>
      fetch(`${APP_ORIGIN}/api/embed/redeem`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN, "Content-Type": "application/json" },
        body: JSON.stringify({ ticket: "forged.ticket.value", nonce: "a".repeat(43) }),
      }),
    );
    expect([400, 401]).toContain(response.status);
    expect(await response.json()).toMatchObject({ error: "handoff-refused" });
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

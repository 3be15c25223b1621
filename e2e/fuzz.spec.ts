// Resilience: thousands of generated hostile payloads against every route handler and server action,
// as the viewer for reads and the actions' wire layer (their per-person AWS budget is the one spent) and the
// operator for the embed routes and parsed actions. Zero 5xx, every answer a typed error, and
// the Lake's call log shows no CloudTrail call refused for an invalid parameter. Seeds are fixed, so a
// failure replays exactly; numRuns keep the whole file near a minute on 2 cores.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { DEMO_REGIONS, STORES } from "../local/lake/seed/constants";
import { APP_ORIGIN, expect, STORAGE_STATE, test } from "./fixtures";
import { type ActionEndpoint, buildActions, callAction, cookieHeader } from "./support/actions";
import { resetBudgets } from "./support/budgets";
import {
  anyJson,
  fieldValue,
  hostileObject,
  hostileString,
  hugeString,
  uuid,
} from "./support/fuzz-arbitraries";
import { hit, problemWith, takeInvalidCalls } from "./support/http-checks";
import { clearCalls, clearFaults, cloudTrailCalls } from "./support/lake";

const SEED = 20261127;
const STATUSES = ["INITIALIZING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPED"] as const;

/** Query-string text for any generated value (objects as JSON, the way a careless client would send them). */
function asText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
}

/** Node refuses request lines over 16 kB with 431 before the app runs, so URL values are capped at 4 kB. */
const URL_VALUE_MAX = 4_000;

function query(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    search.append(key, asText(value).slice(0, URL_VALUE_MAX));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

const region = fieldValue(fc.constantFrom(...DEMO_REGIONS));
const importId = fieldValue(uuid);

/** Runs `property` `numRuns` times; every `checkEvery` runs the Lake's log is checked (it keeps 5,000 calls). */
async function fuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  check: (value: T) => Promise<void>,
) {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await check(value);
      if (++runs % 150 === 0) expect(await takeInvalidCalls()).toEqual([]);
    }),
    { seed: SEED, numRuns, endOnFailure: true },
  );
  expect(await takeInvalidCalls()).toEqual([]);
}

test.describe("fuzz: route handlers and server actions", () => {
  test.describe.configure({ timeout: 120_000 });
  // Read in beforeAll: the storage states are written by the setup project, after this file is loaded.
  let operator = "";
  let viewer = "";
  let actions: ActionEndpoint[] = [];

  test.beforeAll(async () => {
    operator = cookieHeader(STORAGE_STATE.operator);
    viewer = cookieHeader(STORAGE_STATE.viewer);
    actions = buildActions();
    await clearFaults();
    await clearCalls();
  });

  test("GET /api/imports with hostile filters, cursors and extra params", async () => {
    const params = hostileObject({
      region,
      status: fieldValue(fc.constantFrom(...STATUSES)),
      destination: fieldValue(fc.constant(STORES.demo.arn)),
      cursor: fieldValue(fc.base64String({ minLength: 4, maxLength: 64 })),
      maxResults: fieldValue(fc.integer({ min: -5, max: 2000 })),
    });
    await fuzz(params, 500, async (value) => {
      const answer = await hit(`/api/imports${query(value)}`, { headers: { Cookie: viewer } });
      expect(problemWith(answer), JSON.stringify(value).slice(0, 300)).toBeNull();
    });
  });

  test("GET /api/imports/<id> with hostile ids and Regions", async () => {
    const input = fc.record({ id: importId, params: hostileObject({ region }) });
    await fuzz(input, 900, async ({ id, params }) => {
      const answer = await hit(
        `/api/imports/${encodeURIComponent(asText(id).slice(0, URL_VALUE_MAX))}${query(params)}`,
        {
          headers: { Cookie: viewer },
        },
      );
      expect(
        problemWith(answer),
        `${asText(id).slice(0, 100)} ${JSON.stringify(params).slice(0, 200)}`,
      ).toBeNull();
    });
  });

  test("GET /api/imports/<id>/failures with hostile ids, Regions and page tokens", async () => {
    const input = fc.record({
      id: importId,
      params: hostileObject({
        region,
        nextToken: fieldValue(fc.base64String({ minLength: 4, maxLength: 64 })),
      }),
    });
    await fuzz(input, 900, async ({ id, params }) => {
      const answer = await hit(
        `/api/imports/${encodeURIComponent(asText(id).slice(0, URL_VALUE_MAX))}/failures${query(params)}`,
        {
          headers: { Cookie: viewer },
        },
      );
      expect(
        problemWith(answer),
        `${asText(id).slice(0, 100)} ${JSON.stringify(params).slice(0, 200)}`,
      ).toBeNull();
    });
  });

  test("POST /api/embed/ticket and /api/embed/redeem with hostile bodies", async () => {
    const body = fc.oneof(
      hostileObject({
        nonce: fieldValue(fc.base64String({ minLength: 16, maxLength: 64 })),
        ticket: hostileString,
      }).map((value) => JSON.stringify(value)),
      hostileString,
      hugeString,
    );
    const input = fc.record({
      route: fc.constantFrom("/api/embed/ticket", "/api/embed/redeem"),
      body,
    });
    await fuzz(input, 400, async ({ route, body: text }) => {
      const answer = await hit(route, {
        method: "POST",
        headers: { Cookie: operator, Origin: APP_ORIGIN, "Content-Type": "application/json" },
        body: text,
      });
      expect(problemWith(answer), `${route} ${text.slice(0, 200)}`).toBeNull();
    });
  });

  test("server actions: any arguments on the wire are answered with a typed result, never a 5xx", async () => {
    // The viewer reaches decodeReply and the action wrapper on every call without spending the operator's
    // rate-limit budget (10 calls, then one per 3 s), which later specs need.
    const input = fc.record({
      action: fc.integer({ min: 0, max: actions.length - 1 }),
      args: fc.oneof(
        fc.array(anyJson, { maxLength: 3 }),
        fc.tuple(
          hostileObject({
            importId,
            region,
            destination: hostileString,
            s3Uri: hostileString,
            submissionId: fc.oneof(uuid, hostileString),
          }),
        ),
        fc.tuple(hugeString),
      ),
    });
    await fuzz(input, 600, async ({ action, args }) => {
      const endpoint = actions[action];
      if (!endpoint) throw new Error("no action");
      const reply = await callAction(endpoint, args, { cookie: viewer });
      const context = `${endpoint.name} ${JSON.stringify(args).slice(0, 200)}`;
      expect(reply.status, context).toBe(200);
      expect(reply.result, context).toMatchObject({ ok: false, code: "forbidden" });
    });
  });

  test("server actions as the operator: hostile input is refused as invalid, nothing echoed, no AWS call", async () => {
    // A handful only: the per-user rate limit runs before parsing (lib/actions/action-pipeline.ts), so more
    // would measure the limiter. The parser itself is fuzzed by the thousand in lib/actions/action-input-fuzz.integration.test.ts.
    const samples = fc.sample(
      fc.record({
        action: fc.integer({ min: 0, max: actions.length - 1 }),
        arg: hostileObject({
          importId: hostileString,
          region: hostileString,
          destination: hostileString,
          submissionId: hostileString,
        }),
      }),
      { seed: SEED, numRuns: 5 },
    );
    await clearCalls();
    for (const { action, arg } of samples) {
      const endpoint = actions[action];
      if (!endpoint) throw new Error("no action");
      const reply = await callAction(endpoint, [arg], { cookie: operator });
      expect(reply.status).toBe(200);
      expect(reply.result).toMatchObject({ ok: false, code: "invalid" });
      for (const value of Object.values(arg)) {
        if (typeof value === "string" && value.length > 12)
          expect(reply.text).not.toContain(JSON.stringify(value).slice(1, -1));
      }
    }
    expect(await takeInvalidCalls()).toEqual([]);
  });
});

// What one person's requests may cost in CloudTrail calls, from the Lake's call log: reads are cached and
// shared, so a loop of requests must not turn into a loop of AWS calls. The figures mirror the app's
// per-person budget (lib/cloudtrail/caller-budget.ts: 200 at once, then 5 a second) and its two Regions.
const REGIONS = DEMO_REGIONS.length;
const BURST = 200;
const PER_SECOND = 5;

test.describe("fuzz: AWS calls per request", () => {
  test.describe.configure({ timeout: 120_000 });
  let viewer = "";

  test.beforeAll(async () => {
    viewer = cookieHeader(STORAGE_STATE.viewer);
    await clearFaults();
  });
  // Each test counts the viewer's AWS budget from a fresh window; earlier fuzzing spent part of it.
  test.beforeEach(() => resetBudgets("caller-aws:"));

  test("asking again for a made-up import id costs nothing more", async () => {
    const id = randomUUID();
    await clearCalls();
    for (let index = 0; index < 20; index++) {
      const answer = await hit(`/api/imports/${id}`, { headers: { Cookie: viewer } });
      expect(answer.status).toBe(404);
    }
    const gets = (await cloudTrailCalls()).filter((call) => call.operation === "GetImport");
    expect(gets.length, "GetImport calls for 20 requests of one unknown id").toBeLessThanOrEqual(
      REGIONS,
    );
  });

  test("a viewer looping over random import ids is held to the per-person budget", async () => {
    await clearCalls();
    const started = Date.now();
    const statuses = new Set<number>();
    for (let index = 0; index < 300; index++) {
      const answer = await hit(`/api/imports/${randomUUID()}`, { headers: { Cookie: viewer } });
      expect(problemWith(answer)).toBeNull();
      statuses.add(answer.status);
    }
    const seconds = (Date.now() - started) / 1000;
    const calls = await cloudTrailCalls();
    const allowed = BURST + Math.ceil(seconds * PER_SECOND) + REGIONS;
    expect(calls.length, `CloudTrail calls for 300 requests in ${seconds} s`).toBeLessThanOrEqual(
      allowed,
    );
    expect(statuses).toContain(429);
  });
});

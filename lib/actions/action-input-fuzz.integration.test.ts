// Fuzzes what the three server actions run after the session check: the action pipeline with the real
// schemas and the real data layer, against a local Lake, with thousands of hostile inputs. Every answer
// must be a typed result (no throw), and the Lake must never see a call it refuses as invalid. Over HTTP
// (e2e/fuzz.spec.ts) the per-user rate limit runs before parsing and caps the operator at 10 calls, so the
// input space is covered here; the pipeline order itself is tested in lib/actions/action-pipeline.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppUser } from "@/lib/auth/user";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "@/local/lake/seed/constants.ts";
import { appDatabaseForFile } from "@/lib/db/testing/app-database";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { pointAppAtLake } from "@/lib/cloudtrail/test-env";
import { buildAction } from "./action-pipeline";
import { actionFailure } from "./aws-failure";
import { importCommandDefinition, startImportDefinition } from "./definitions";
import type { ActionResult } from "./types";

const SEED = 20261127;
/** Lake error codes meaning an invalid value got through to CloudTrail. */
const INVALID = new Set([
  "InvalidParameterException",
  "SerializationException",
  "EventDataStoreARNInvalidException",
  "InvalidTimeRangeException",
  "RequestEntityTooLargeException",
]);
const CODES = new Set([
  "unauthenticated",
  "forbidden",
  "invalid",
  "conflict",
  "aws",
  "rate_limited",
  "database_unavailable",
]);

const world = lakeForFile({}, ({ lake }) => pointAppAtLake(lake.url));
// The start guard keeps its replays and claims there.
appDatabaseForFile();

const alice: AppUser = {
  id: "alice",
  name: "Alice Operator",
  email: "alice@example.test",
  roles: ["operator", "viewer"],
};
const deps = { getUser: () => Promise.resolve(alice), mapError: actionFailure };
// The definitions the server actions are made of, minus after() (no request scope here).
const stop = buildAction(deps, importCommandDefinition("stop-import"));
const retry = buildAction(deps, importCommandDefinition("retry-import"));
const start = buildAction(deps, startImportDefinition);

const KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "importId",
  "region",
  "destination",
];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom(
    "",
    " ",
    "us-east-1 ",
    "US-EAST-1",
    "0C2F5E1A-9B8D-4C7E-A6F5-4E3D2C1B0A99",
    "s3://",
    "$@0",
    "\u0000",
  ),
  fc
    .constantFrom("a", "é", "😀")
    .chain((c) => fc.integer({ min: 1_000, max: 30_000 }).map((n) => c.repeat(n))),
);
const anything = fc.oneof(
  hostile,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, undefined, 0, -1, NaN, true, [], {}),
);

function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: anything },
  );
}

/** An object holding some of `fields`, extra keys, and keys that would pollute a prototype if merged naively. */
function hostileInput(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.subarray(Object.entries(fields)),
      fc.array(fc.tuple(fc.constantFrom(...KEYS), anything), { maxLength: 2 }),
    )
    .chain(([chosen, extra]) =>
      fc.tuple(...chosen.map(([, arb]) => arb)).map((values) => {
        const out: Record<string, unknown> = {};
        const entries: [string, unknown][] = [
          ...chosen.map(([key], i): [string, unknown] => [key, values[i]]),
          ...extra,
        ];
        for (const [key, value] of entries)
          Object.defineProperty(out, key, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return out;
      }),
    );
}

/** A valid input with at most one field replaced, dropped, or joined by an extra key: the edges of the schema. */
function nearValid(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom("keep", "replace", "drop", "extra"), anything)
    .map(([input, pick, how, value]) => {
      const keys = Object.keys(input);
      const key = keys[pick % keys.length] ?? "importId";
      const out = { ...input };
      if (how === "replace") out[key] = value;
      if (how === "drop") delete out[key];
      if (how === "extra")
        Object.defineProperty(out, "__proto__", {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return out;
    });
}

const regionArb = fc.constantFrom("us-east-1", "eu-west-1", "ap-south-2", "us-gov-west-1");
const importInput = fc.oneof(
  hostileInput({ importId: field(fc.uuid()), region: field(regionArb) }),
  nearValid(fc.record({ importId: fc.uuid(), region: regionArb })),
);
const validStart = fc.record({
  destination: fc.constantFrom(STORES.demo.arn, STORES.eu.arn, STORES.config.arn),
  s3Uri: fc.constantFrom(
    E2E_TRAIL_URI,
    "s3://no-such-bucket-here/",
    "s3://trail-imports-e2e-logs/",
  ),
  bucketRegion: fc.constantFrom("us-east-1", "eu-west-1"),
  roleArn: fc.constantFrom(IMPORT_ROLE_ARN, "arn:aws:iam::111122223333:role/x"),
  startTime: fc
    .date({ min: new Date("2020-01-01"), max: new Date(), noInvalidDate: true })
    .map((d) => d.toISOString()),
  endTime: fc
    .date({ min: new Date("2020-01-01"), max: new Date(), noInvalidDate: true })
    .map((d) => d.toISOString()),
  submissionId: fc.uuid(),
});
const startInput = fc.oneof(
  hostileInput({
    destination: field(fc.constantFrom(STORES.demo.arn, STORES.eu.arn, STORES.config.arn)),
    s3Uri: field(fc.constantFrom(E2E_TRAIL_URI, "s3://no-such-bucket-here/")),
    bucketRegion: field(fc.constantFrom("us-east-1", "eu-west-1")),
    roleArn: field(fc.constant(IMPORT_ROLE_ARN)),
    startTime: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    endTime: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    submissionId: field(fc.uuid()),
  }),
  nearValid(validStart),
);

function expectTyped(result: ActionResult<unknown, unknown>): void {
  if (!result.ok) {
    expect(CODES.has(result.code)).toBe(true);
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error.length).toBeLessThan(600);
  }
}

async function invalidCalls(): Promise<string[]> {
  const { body } = await world().admin("GET", "calls");
  const calls = (body as { calls: { service: string; operation: string; error: string | null }[] })
    .calls;
  await world().admin("DELETE", "calls");
  return calls
    .filter((c) => c.service === "cloudtrail" && c.error && INVALID.has(c.error))
    .map((c) => `${c.operation}: ${c.error}`);
}

describe("server action inputs under fuzzing", () => {
  it("stop and retry answer every hostile input with a typed result, and nothing invalid reaches CloudTrail", async () => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), importInput, async (isStop, input) => {
        const result = await (isStop ? stop : retry)(input);
        expectTyped(result);
        if (result.ok || result.code === "aws") reached++;
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(await invalidCalls()).toEqual([]);
    // The generator is useless if nothing ever passes validation.
    expect(reached).toBeGreaterThan(50);
  }, 120_000);

  it("start answers every hostile input with a typed result, and nothing invalid reaches CloudTrail", async () => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(startInput, async (input) => {
        const result = await start(input);
        expectTyped(result);
        if (result.ok || result.code === "aws") reached++;
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(await invalidCalls()).toEqual([]);
    expect(reached).toBeGreaterThan(20);
  }, 120_000);
});

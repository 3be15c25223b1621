// With the database unreachable, start, retry and stop refuse with the database sentence before any call
// reaches AWS (counted in the local Lake's call log): the guard and the budget cannot be checked, so
// nothing is sent unguarded.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describe } from "vitest";
import { ACTION_RATE_LIMIT, createRateLimiter } from "@/lib/auth/rate-limit";
import type { AppUser } from "@/lib/auth/user";
import { pointAppAtLake } from "@/lib/cloudtrail/test-env";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/errors";
import { rateLimitStore } from "@/lib/db/rate-limits";
import { pointAppAtDatabase } from "@/lib/db/testing/app-database";
import { startImportSubmissionSchema } from "@/lib/schemas/import";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "@/local/lake/seed/constants.ts";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { buildAction } from "./action-pipeline";
import { actionFailure } from "./aws-failure";
import { importCommandDefinition, startImportDefinition } from "./definitions";

const world = lakeForFile({}, ({ lake }) => pointAppAtLake(lake.url));

beforeAll(() => pointAppAtDatabase("postgres://postgres@127.0.0.1:1/none?sslmode=disable"));

const alice: AppUser = {
  id: "alice",
  name: "Alice Operator",
  email: "alice@example.test",
  roles: ["operator", "viewer"],
};

async function awsCalls(): Promise<number> {
  const { body } = await world().admin("GET", "calls");
  return (body as { calls: unknown[] }).calls.length;
}

const submission = () =>
  startImportSubmissionSchema.parse({
    destination: STORES.demo.arn,
    s3Uri: E2E_TRAIL_URI,
    bucketRegion: "us-east-1",
    roleArn: IMPORT_ROLE_ARN,
    submissionId: randomUUID(),
  });
const importRef = { importId: randomUUID(), region: "us-east-1" };

describe("actions while the database is down", () => {
  it.each([
    ["with the per-person budget", true],
    ["without it (the start guard alone)", false],
  ])("refuse start, retry and stop before calling AWS, %s", async (_, metered) => {
    const deps = {
      getUser: async () => alice,
      mapError: actionFailure,
      ...(metered
        ? { limiter: createRateLimiter("action", ACTION_RATE_LIMIT, rateLimitStore()) }
        : {}),
    };
    const before = await awsCalls();
    const start = await buildAction(deps, startImportDefinition)(submission());
    expect(start).toEqual({
      ok: false,
      code: "database_unavailable",
      error: DATABASE_UNAVAILABLE_MESSAGE,
    });
    if (metered) {
      for (const name of ["retry-import", "stop-import"] as const)
        expect(await buildAction(deps, importCommandDefinition(name))(importRef)).toMatchObject({
          ok: false,
          code: "database_unavailable",
        });
    }
    expect(await awsCalls()).toBe(before);
  });
});

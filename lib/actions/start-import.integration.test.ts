// startImportAction's definition against the local Lake with the real SDK (per-user STS included):
// success, each reachable StartImport error mapped to its field, the ongoing-import link, and
// replay / double-click protection counted in the Lake's call log.
import { randomUUID } from "node:crypto";
import { StopImportCommand } from "@aws-sdk/client-cloudtrail";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/audit";
import type { AppUser } from "@/lib/auth/user";
import type { StartImportSubmission } from "@/lib/schemas/import";
import { startImportSubmissionSchema } from "@/lib/schemas/import";
import {
  DEMO_ACCOUNT_ID,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "@/local/lake/seed/constants.ts";
import { appDatabaseForFile } from "@/lib/db/testing/app-database";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { waitForStatus } from "@/local/lake/testing/lake-harness.ts";
import { pointAppAtLake } from "@/lib/cloudtrail/test-env";
import { buildAction } from "./action-pipeline";
import { actionFailure } from "./aws-failure";
import { startImportDefinition } from "./definitions";

const world = lakeForFile({}, ({ lake }) => pointAppAtLake(lake.url));
// The start guard keeps its replays and claims there.
appDatabaseForFile();

const alice: AppUser = {
  id: "alice",
  name: "Alice Operator",
  email: "alice@example.test",
  roles: ["operator", "viewer"],
};
const started: string[] = [];

/** Leaves no import running: the Lake allows one per account and Region. */
afterEach(async () => {
  const client = world().client("us-east-1");
  for (const importId of started.splice(0)) {
    await client.send(new StopImportCommand({ ImportId: importId })).catch(() => undefined);
    await waitForStatus(client, importId, ["STOPPED", "COMPLETED", "FAILED"]);
  }
  await world().admin("POST", "pace", { pace: "fast" });
});

/** startImportAction as `user`, with audit lines going to `options.audit`. */
function startAs(
  input: StartImportSubmission,
  user: AppUser,
  options: { audit?: (entry: AuditEntry) => void } = {},
) {
  const deps = { getUser: async () => user, mapError: actionFailure, audit: options.audit };
  return buildAction(deps, startImportDefinition)(input);
}

function submission(
  overrides: Partial<Record<keyof StartImportSubmission, unknown>> = {},
): StartImportSubmission {
  return startImportSubmissionSchema.parse({
    destination: STORES.demo.arn,
    s3Uri: E2E_TRAIL_URI,
    bucketRegion: "us-east-1",
    roleArn: IMPORT_ROLE_ARN,
    startTime: new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString(),
    endTime: new Date().toISOString(),
    submissionId: randomUUID(),
    ...overrides,
  });
}

async function startImportCalls(): Promise<number> {
  const { body } = await world().admin("GET", "calls");
  const calls = (body as { calls: { operation: string }[] }).calls;
  return calls.filter((call) => call.operation === "StartImport").length;
}

describe("startImportAction", () => {
  it("starts the import as the person and returns its id and Region, with an audit line", async () => {
    const lines: AuditEntry[] = [];
    const result = await startAs(submission(), alice, {
      audit: (entry) => lines.push(entry),
    });
    if (!result.ok) throw new Error(`expected success, got ${result.error}`);
    started.push(result.data.importId);
    expect(result.data.region).toBe("us-east-1");
    expect(result.data.importId).toMatch(/^[a-f0-9-]{36}$/);
    expect(lines).toEqual([
      expect.objectContaining({
        action: "start-import",
        result: "ok",
        importId: result.data.importId,
        actor: { id: "alice", email: alice.email, role: "operator" },
        detail: expect.objectContaining({
          destination: STORES.demo.arn,
          s3Uri: E2E_TRAIL_URI,
          roleArn: IMPORT_ROLE_ARN,
          region: "us-east-1",
        }),
      }),
    ]);
  });

  it("records in the audit detail whether the person started over failed preflight checks", async () => {
    const details: unknown[] = [];
    const audit = (entry: AuditEntry) => details.push(entry.detail);
    const over = await startAs(submission({ overrideFailedChecks: true }), alice, { audit });
    if (!over.ok) throw new Error(`expected success, got ${over.error}`);
    started.push(over.data.importId);
    // One import at a time: the first must end before the second can start.
    const client = world().client("us-east-1");
    await client
      .send(new StopImportCommand({ ImportId: over.data.importId }))
      .catch(() => undefined);
    await waitForStatus(client, over.data.importId, ["STOPPED", "COMPLETED", "FAILED"]);
    const plain = await startAs(submission(), alice, { audit });
    if (!plain.ok) throw new Error(`expected success, got ${plain.error}`);
    started.push(plain.data.importId);
    expect(details).toEqual([
      expect.objectContaining({ overrideFailedChecks: true }),
      expect.objectContaining({ overrideFailedChecks: false }),
    ]);
  });

  it("starts without a time range", async () => {
    const result = await startAs(submission({ startTime: undefined, endTime: undefined }), alice);
    if (!result.ok) throw new Error(`expected success, got ${result.error}`);
    started.push(result.data.importId);
  });

  it("blames the S3 URI when the bucket does not exist", async () => {
    const result = await startAs(
      submission({ s3Uri: "s3://no-such-bucket-for-tests/AWSLogs/" }),
      alice,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "aws",
      detail: { awsCode: "InvalidImportSourceException", field: "s3Uri" },
    });
    expect(result.ok ? undefined : result.fieldErrors?.s3Uri?.[0]).toMatch(
      /can't import from this S3 location/,
    );
  });

  it.each([
    ["a store that doesn't hold CloudTrail events", STORES.config.arn],
    ["a store pending deletion", STORES.retired.arn],
    [
      "an unknown store",
      `arn:aws:cloudtrail:us-east-1:${DEMO_ACCOUNT_ID}:eventdatastore/00000000-0000-4000-8000-000000000000`,
    ],
    ["a store in another account", "arn:aws:cloudtrail:us-east-1:444455556666:eventdatastore/abc"],
  ])("refuses %s as the destination before calling StartImport", async (_name, destination) => {
    const before = await startImportCalls();
    const result = await startAs(submission({ destination }), alice);
    expect(result).toMatchObject({
      ok: false,
      code: "aws",
      detail: { awsCode: "DestinationNotAllowed", field: "destination" },
    });
    expect(result.ok ? undefined : result.fieldErrors?.destination?.[0]).toMatch(
      /isn't one of the event data stores Trail Imports lists as eligible/,
    );
    expect(await startImportCalls()).toBe(before);
  });

  it("refuses an access role outside the destination's account before calling StartImport", async () => {
    const before = await startImportCalls();
    const result = await startAs(
      submission({ roleArn: "arn:aws:iam::444455556666:role/CloudTrailLakeImport" }),
      alice,
    );
    expect(result).toMatchObject({
      ok: false,
      detail: { awsCode: "RoleNotInStoreAccount", field: "roleArn" },
    });
    expect(await startImportCalls()).toBe(before);
  });

  it("blames the destination for a Region this deployment doesn't use, without calling AWS", async () => {
    const before = await startImportCalls();
    const result = await startAs(
      submission({
        destination: `arn:aws:cloudtrail:ap-south-1:${DEMO_ACCOUNT_ID}:eventdatastore/abc`,
      }),
      alice,
    );
    expect(result).toMatchObject({
      ok: false,
      detail: { awsCode: "RegionNotConfigured", field: "destination" },
    });
    expect(await startImportCalls()).toBe(before);
  });

  it("names and links the running import when another one is ongoing", async () => {
    await world().admin("POST", "pace", { pace: 2000 });
    const first = await startAs(submission(), alice);
    if (!first.ok) throw new Error(`expected success, got ${first.error}`);
    started.push(first.data.importId);
    const second = await startAs(submission(), alice);
    expect(second).toMatchObject({
      ok: false,
      code: "aws",
      detail: {
        awsCode: "AccountHasOngoingImportException",
        ongoingImport: { importId: first.data.importId, region: "us-east-1" },
      },
    });
    expect(second.ok ? "" : second.error).toMatch(/Another import is still running/);
  });

  it("answers a replayed submission with the first result and one StartImport call", async () => {
    await world().admin("DELETE", "calls");
    const input = submission();
    const first = await startAs(input, alice);
    if (!first.ok) throw new Error(`expected success, got ${first.error}`);
    started.push(first.data.importId);
    const lines: AuditEntry[] = [];
    const replay = await startAs({ ...input }, alice, {
      audit: (entry) => lines.push(entry),
    });
    expect(replay).toEqual(first);
    expect(lines[0]?.detail).toMatchObject({ replayed: true, destination: STORES.demo.arn });
    expect(await startImportCalls()).toBe(1);
  });

  it("sends one StartImport for a double click and refuses a different start meanwhile", async () => {
    await world().admin("DELETE", "calls");
    const input = submission();
    const [a, b, other] = await Promise.all([
      startAs(input, alice),
      startAs(input, alice),
      startAs(submission(), alice),
    ]);
    if (!a.ok) throw new Error(`expected success, got ${a.error}`);
    started.push(a.data.importId);
    expect(b).toEqual(a);
    expect(other).toMatchObject({ ok: false, code: "conflict" });
    expect(await startImportCalls()).toBe(1);
  });

  it("says so when AWS throttles, and lets the same submission try again once it stops", async () => {
    await world().admin("PUT", "faults", { throttleRate: 1 });
    const input = submission();
    let throttled;
    try {
      throttled = await startAs(input, alice);
    } finally {
      await world().admin("PUT", "faults", { throttleRate: 0 });
    }
    expect(throttled).toMatchObject({
      ok: false,
      code: "aws",
      detail: { awsCode: "ThrottlingException", retryable: true },
    });
    expect(throttled.ok ? "" : throttled.error).toMatch(/throttling/);
    const retried = await startAs(input, alice);
    if (!retried.ok) throw new Error(`expected success, got ${retried.error}`);
    started.push(retried.data.importId);
  });

  it("keeps replays per user: the same submission id from someone else is their own start", async () => {
    const input = submission({
      destination: STORES.eu.arn,
      s3Uri: "s3://no-such-bucket-for-tests/",
    });
    const carol: AppUser = { ...alice, id: "carol", email: "carol@example.test" };
    await world().admin("DELETE", "calls");
    await startAs(input, alice);
    await startAs(input, carol);
    expect(await startImportCalls()).toBe(2);
  });
});

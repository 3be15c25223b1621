// The fences around StartImport against the local Lake, with both allow-lists set: every refusal happens
// before CloudTrail is asked, which the Lake's call log shows.
import { StartImportCommand, StopImportCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_TRAIL_URI,
  DENIED_ROLE_ARN,
  E2E_BUCKET,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "@/local/lake/seed/constants.ts";
import { type TestLake, startTestLake, waitForStatus } from "@/local/lake/testing/lake-harness.ts";
import { setTestEnv } from "./test-env";
import { retryImport, startImport, toCloudTrailFailure } from ".";

let world: TestLake;
const alice = { id: "alice", email: "alice@example.test", roles: ["operator"] };

beforeAll(async () => {
  world = await startTestLake();
  setTestEnv({
    CLOUDTRAIL_ENDPOINT: world.lake.url,
    STS_ENDPOINT: world.lake.url,
    IMPORT_ALLOWED_ROLE_ARNS: IMPORT_ROLE_ARN,
    IMPORT_ALLOWED_BUCKETS: E2E_BUCKET,
  });
});

afterAll(async () => {
  await world.cleanup();
});

async function startImportCalls(): Promise<number> {
  const { body } = await world.admin("GET", "calls");
  const calls = (body as { calls: { operation: string }[] }).calls;
  return calls.filter((call) => call.operation === "StartImport").length;
}

const input = {
  destination: STORES.demo.arn,
  s3Uri: E2E_TRAIL_URI,
  bucketRegion: "us-east-1",
  roleArn: IMPORT_ROLE_ARN,
};

describe("import guard", () => {
  it.each([
    ["a role that is not on the list", { roleArn: DENIED_ROLE_ARN }, "RoleNotAllowed", "roleArn"],
    ["a bucket that is not on the list", { s3Uri: DEMO_TRAIL_URI }, "SourceNotAllowed", "s3Uri"],
  ])("refuses %s without calling StartImport", async (_label, overrides, code, field) => {
    const before = await startImportCalls();
    const error = await startImport(alice, { ...input, ...overrides }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(toCloudTrailFailure(error)).toMatchObject({ code, field });
    expect(await startImportCalls()).toBe(before);
  });

  it("refuses to retry an import whose role is no longer allowed", async () => {
    // Started behind the app's back, with a role the list does not hold.
    const client = world.client("us-east-1");
    const { ImportId } = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: E2E_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: DENIED_ROLE_ARN,
          },
        },
      }),
    );
    if (!ImportId) throw new Error("no import id");
    await client.send(new StopImportCommand({ ImportId })).catch(() => undefined);
    await waitForStatus(client, ImportId, ["STOPPED", "COMPLETED", "FAILED"]);
    const before = await startImportCalls();
    const error = await retryImport(alice, "us-east-1", ImportId).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(toCloudTrailFailure(error).code).toBe("RoleNotAllowed");
    expect(await startImportCalls()).toBe(before);
  });
});

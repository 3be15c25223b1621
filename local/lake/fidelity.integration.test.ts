// How the local Lake behaves where AWS is strict: the role CloudTrail assumes, the bucket's
// Region, archived objects, retention, the LookupEvents rate, and statistics during a retry.
import {
  CloudTrailClient,
  GetImportCommand,
  ListImportFailuresCommand,
  LookupEventsCommand,
  StartImportCommand,
  type StartImportCommandInput,
} from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ACCESS_KEY_ID,
  ARCHIVE_PREFIX,
  DEMO_BUCKET,
  E2E_BUCKET,
  E2E_TRAIL_URI,
  EU_BUCKET,
  IMPORT_ROLE_ARN,
  NO_GET_OBJECT_ROLE_ARN,
  OTHER_STORE_ROLE_ARN,
  STORES,
  UNKNOWN_ROLE_ARN,
} from "./seed/constants.ts";
import {
  errorOf,
  sampleRecords,
  startTestLake,
  waitFor,
  waitForStatus,
  type TestLake,
} from "./testing/lake-harness.ts";

let world: TestLake;
let client: CloudTrailClient;
beforeAll(async () => {
  world = await startTestLake({ seedImports: 0 });
  client = world.client("us-east-1");
}, 60_000);
afterAll(() => world.cleanup());

function newImport(
  uri: string,
  roleArn = IMPORT_ROLE_ARN,
  bucketRegion = "us-east-1",
  destination: string = STORES.demo.arn,
): StartImportCommandInput {
  return {
    Destinations: [destination],
    ImportSource: {
      S3: { S3LocationUri: uri, S3BucketRegion: bucketRegion, S3BucketAccessRoleArn: roleArn },
    },
  };
}

async function run(input: StartImportCommandInput) {
  const { ImportId = "" } = await client.send(new StartImportCommand(input));
  const done = await waitForStatus(client, ImportId, ["COMPLETED", "FAILED"]);
  const { Failures = [] } = await client.send(new ListImportFailuresCommand({ ImportId }));
  return { done, failures: Failures };
}

describe("access to the source", () => {
  it.each([
    [
      "a role the local world does not know (another account)",
      UNKNOWN_ROLE_ARN,
      "could not assume",
    ],
    ["a role whose trust policy names another store", OTHER_STORE_ROLE_ARN, "aws:SourceArn"],
    ["a role without s3:GetObject", NO_GET_OBJECT_ROLE_ARN, "may not call s3:GetObject"],
  ])("fails with AccessDenied for %s", async (_name, role, text) => {
    const { done, failures } = await run(newImport(E2E_TRAIL_URI, role));
    expect(done.ImportStatus).toBe("FAILED");
    expect(done.ImportStatistics?.FilesCompleted).toBe(0);
    expect(failures).toEqual([
      expect.objectContaining({ ErrorType: "AccessDenied", Location: E2E_TRAIL_URI }),
    ]);
    expect(failures[0]?.ErrorMessage).toContain(text);
  });

  it("lets the store-bound role import into the store its trust policy names", async () => {
    const { done } = await run(
      newImport(`s3://${EU_BUCKET}/`, OTHER_STORE_ROLE_ARN, "eu-west-1", STORES.org.arn),
    );
    expect(done.ImportStatus).toBe("COMPLETED");
    expect(done.ImportStatistics?.FilesCompleted).toBeGreaterThan(0);
  });

  it("fails when S3BucketRegion is not the bucket's Region, naming the right one", async () => {
    const { done, failures } = await run(newImport(`s3://${EU_BUCKET}/`));
    expect(done.ImportStatus).toBe("FAILED");
    expect(failures[0]).toMatchObject({ ErrorType: "PermanentRedirect" });
    expect(failures[0]?.ErrorMessage).toContain("is in eu-west-1");
  });
});

describe("what is copied", () => {
  it("reports archived objects as InvalidObjectState and decompressed ones as InvalidFileFormat", async () => {
    const { done, failures } = await run(newImport(`s3://${DEMO_BUCKET}/${ARCHIVE_PREFIX}`));
    expect(done.ImportStatus).toBe("FAILED");
    const types = new Set(failures.map((f) => f.ErrorType));
    expect(types).toEqual(new Set(["InvalidObjectState", "InvalidFileFormat"]));
    expect(done.ImportStatistics?.FilesCompleted).toBeGreaterThan(0);
  });

  it("does not copy events older than the store's retention", async () => {
    const old = sampleRecords(4, new Date("2015-06-01T12:00:00Z"));
    const recent = sampleRecords(3, new Date());
    const key = "AWSLogs/111122223333/CloudTrail/us-east-1/2015/06/01/retention.json.gz";
    const put = await world.admin("PUT", `s3/${E2E_BUCKET}/${key}`, {
      records: [...old, ...recent],
    });
    expect(put.status).toBe(200);
    const { done } = await run({
      ...newImport(E2E_TRAIL_URI),
      StartEventTime: new Date("2015-06-01T00:00:00Z"),
      EndEventTime: new Date("2015-06-01T23:59:59Z"),
    });
    expect(done.ImportStatistics).toMatchObject({ FilesCompleted: 1, EventsCompleted: 3 });
  });
});

describe("statistics during a retry", () => {
  it("never go backwards", async () => {
    const first = await run(newImport(E2E_TRAIL_URI));
    expect(first.done.ImportStatus).toBe("FAILED");
    await world.admin("POST", "pace", { pace: 40 });
    const id = first.done.ImportId ?? "";
    await client.send(new StartImportCommand({ ImportId: id }));
    const seen: number[][] = [];
    await waitFor(
      async () => {
        const out = await client.send(new GetImportCommand({ ImportId: id }));
        const s = out.ImportStatistics ?? {};
        seen.push([
          s.PrefixesFound ?? 0,
          s.PrefixesCompleted ?? 0,
          s.FilesCompleted ?? 0,
          s.EventsCompleted ?? 0,
        ]);
        return out.ImportStatus;
      },
      (status) => status === "FAILED" || status === "COMPLETED",
    );
    await world.admin("POST", "pace", { pace: "fast" });
    const before = first.done.ImportStatistics ?? {};
    let previous = [
      before.PrefixesFound ?? 0,
      before.PrefixesCompleted ?? 0,
      before.FilesCompleted ?? 0,
      before.EventsCompleted ?? 0,
    ];
    for (const now of seen) {
      now.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(previous[i] ?? 0));
      previous = now;
    }
  });
});

describe("LookupEvents rate", () => {
  it("throttles past 2 calls a second per account and Region, and not other Regions", async () => {
    const throttled = await startTestLake({ seedImports: 0, lookupRate: 2 });
    try {
      // No SDK retries, so each refusal is visible.
      const raw = (region: string): CloudTrailClient =>
        new CloudTrailClient({
          region,
          endpoint: throttled.lake.url,
          credentials: { accessKeyId: APP_ACCESS_KEY_ID, secretAccessKey: "test" },
          maxAttempts: 1,
        });
      const usRaw = raw("us-east-1");
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => usRaw.send(new LookupEventsCommand({}))),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
      const refused = results.find((r) => r.status === "rejected");
      expect(refused?.status === "rejected" && (refused.reason as Error).name).toBe(
        "ThrottlingException",
      );
      expect((await raw("eu-west-1").send(new LookupEventsCommand({}))).Events).toEqual([]);
      expect((await errorOf(() => usRaw.send(new LookupEventsCommand({}))))?.name).toBe(
        "ThrottlingException",
      );
      // The bucket refills at the configured rate: a later call passes again.
      const later = await waitFor(
        () =>
          usRaw.send(new LookupEventsCommand({})).then(
            () => "ok",
            (e: Error) => e.name,
          ),
        (outcome) => outcome === "ok",
        3_000,
      );
      expect(later).toBe("ok");
    } finally {
      await throttled.cleanup();
    }
  });
});

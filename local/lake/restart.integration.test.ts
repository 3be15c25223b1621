// POST /_admin/restart: a simulated kill -9 + restart inside the process. The port refuses
// connections while down; afterwards the state is what was on disk (a pending debounced write is
// lost, as with kill -9), and an import that was IN_PROGRESS resumes and completes with exact
// statistics (no file counted twice or skipped).
import { GetImportCommand, StartImportCommand } from "@aws-sdk/client-cloudtrail";
import { afterEach, describe, expect, it } from "vitest";
import {
  E2E_BUCKET,
  E2E_BUCKET_URI,
  IMPORT_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STORES,
} from "./seed/constants.ts";
import {
  errorOf,
  fakeAuthorization,
  sampleRecords,
  startTestLake,
  waitFor,
  waitForStatus,
  type TestLake,
} from "./testing/lake-harness.ts";

const FILES = 10;
let lake: TestLake | undefined;
afterEach(async () => {
  await lake?.cleanup();
  lake = undefined;
});

/** Whether the Lake accepts a connection right now. */
async function reachable(url: string): Promise<boolean> {
  return fetch(`${url}/_admin/health`).then(
    (res) => res.ok,
    () => false,
  );
}

/** Asks for a restart and resolves once the port refuses connections. */
async function restart(target: TestLake, downMs: number): Promise<void> {
  const answer = await target.admin("POST", "restart", { downMs });
  expect(answer).toEqual({ status: 202, body: { downMs } });
  await waitFor(
    () => reachable(target.lake.url),
    (up) => !up,
  );
}

describe("POST /_admin/restart", () => {
  it("refuses connections while down, then resumes an in-progress import to the exact end", async () => {
    lake = await startTestLake({ pace: 150 });
    for (let i = 1; i <= FILES; i += 1)
      await lake.admin("PUT", `s3/${E2E_BUCKET}/restart/f${i}.json.gz`, {
        records: sampleRecords(i),
      });
    const client = lake.client();
    const { ImportId: id = "" } = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: `${E2E_BUCKET_URI}restart/`,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    const before = await waitFor(
      () => client.send(new GetImportCommand({ ImportId: id })),
      (out) =>
        out.ImportStatus === "IN_PROGRESS" && (out.ImportStatistics?.FilesCompleted ?? 0) >= 3,
    );
    expect(before.ImportStatistics?.FilesCompleted).toBeLessThan(FILES);

    const downAt = Date.now();
    await restart(lake, 1_000);
    const refused = await errorOf(() => fetch(`${lake?.lake.url ?? ""}/_admin/health`));
    expect(refused.name).toBe("TypeError"); // fetch failed: connection refused
    await waitFor(
      () => reachable(lake?.lake.url ?? ""),
      (up) => up,
    );
    expect(Date.now() - downAt).toBeGreaterThanOrEqual(900);

    const after = await client.send(new GetImportCommand({ ImportId: id }));
    expect(after.ImportStatus).not.toBe("COMPLETED");
    expect(after.ImportStatistics?.FilesCompleted ?? 0).toBeGreaterThan(0);
    const done = await waitForStatus(client, id, ["COMPLETED", "FAILED", "STOPPED"]);
    expect(done.ImportStatus).toBe("COMPLETED");
    expect(done.ImportStatistics).toMatchObject({
      FilesCompleted: FILES,
      EventsCompleted: (FILES * (FILES + 1)) / 2,
      FailedEntries: 0,
    });
  });

  it("loses a change that was not written yet, exactly like kill -9", async () => {
    // Writes wait 60 s here, so the STS session below is only in memory at the kill.
    lake = await startTestLake({ persistDebounceMs: 60_000 });
    const res = await fetch(`${lake.lake.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: fakeAuthorization("AKIALOCALTRAILIMPORTS", "us-east-1", "sts"),
      },
      body: new URLSearchParams({
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: PER_USER_ROLE_ARN,
        RoleSessionName: "erin",
      }).toString(),
    });
    const xml = await res.text();
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? "";
    const session = {
      accessKeyId: tag("AccessKeyId"),
      secretAccessKey: tag("SecretAccessKey"),
      sessionToken: tag("SessionToken"),
    };
    expect(session.accessKeyId).not.toBe("");
    const asErin = lake.client("us-east-1", session);
    const missing = () => asErin.send(new GetImportCommand({ ImportId: "0".repeat(36) }));
    expect((await errorOf(missing)).name).toBe("ImportNotFoundException");

    await restart(lake, 300);
    await waitFor(
      () => reachable(lake?.lake.url ?? ""),
      (up) => up,
    );
    expect((await errorOf(missing)).name).toBe("UnrecognizedClientException");
  });

  it("with reset, comes back as a freshly seeded world: imports started before are gone", async () => {
    lake = await startTestLake({ persistDebounceMs: 0 });
    const app = lake.client();
    const started = await app.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: E2E_BUCKET_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    await waitForStatus(app, started.ImportId ?? "", ["COMPLETED", "FAILED"]);
    const answer = await lake.admin("POST", "restart", { downMs: 0, reset: true });
    expect(answer).toEqual({ status: 202, body: { downMs: 0, reset: true } });
    const gone = await waitFor(
      () =>
        errorOf(() => app.send(new GetImportCommand({ ImportId: started.ImportId }))).catch(
          () => null,
        ),
      (error) => error?.name === "ImportNotFoundException",
    );
    expect(gone?.name).toBe("ImportNotFoundException");
  });

  it("validates downMs and reset", async () => {
    lake = await startTestLake();
    expect(await lake.admin("POST", "restart", { downMs: -1 })).toMatchObject({ status: 400 });
    expect(await lake.admin("POST", "restart", { downMs: "soon" })).toMatchObject({ status: 400 });
    expect(await lake.admin("POST", "restart", { reset: "yes" })).toMatchObject({ status: 400 });
    expect(await reachable(lake.lake.url)).toBe(true);
  });
});

// Import lifecycle through the real SDK: fail → fix → retry, stop → retry, denied role,
// terminal-state rules, the date filter and the management events each call leaves behind.
import {
  ListImportFailuresCommand,
  LookupEventsCommand,
  StartImportCommand,
  StopImportCommand,
  type CloudTrailClient,
} from "@aws-sdk/client-cloudtrail";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DENIED_ROLE_ARN,
  E2E_BUCKET,
  E2E_BUCKET_URI,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  STORES,
} from "./seed/constants.ts";
import { errorOf, sampleRecords, waitFor, waitForStatus } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();
let client: CloudTrailClient;
beforeAll(() => {
  client = world().client();
});

const start = (
  uri: string,
  role = IMPORT_ROLE_ARN,
  range: { StartEventTime?: Date; EndEventTime?: Date } = {},
) =>
  client.send(
    new StartImportCommand({
      Destinations: [STORES.demo.arn],
      ImportSource: {
        S3: { S3LocationUri: uri, S3BucketRegion: "us-east-1", S3BucketAccessRoleArn: role },
      },
      ...range,
    }),
  );

const failuresOf = async (importId: string) =>
  (await client.send(new ListImportFailuresCommand({ ImportId: importId }))).Failures ?? [];

describe("import lifecycle", () => {
  it("fails on the corrupt e2e file, and completes after the file is replaced and the import retried", async () => {
    const started = await start(E2E_TRAIL_URI);
    expect(started.ImportStatus).toBe("INITIALIZING");
    expect(started).not.toHaveProperty("ImportStatistics");
    const id = started.ImportId ?? "";
    const failed = await waitForStatus(client, id, ["FAILED", "COMPLETED"]);
    expect(failed.ImportStatus).toBe("FAILED");
    const before = failed.ImportStatistics ?? {};
    expect(before.FailedEntries).toBe(1);
    expect(before.PrefixesCompleted).toBe(before.PrefixesFound);
    const [failure] = await failuresOf(id);
    expect(failure).toMatchObject({ Status: "FAILED", ErrorType: "InvalidFileFormat" });
    expect(failure?.Location).toMatch(
      /^s3:\/\/trail-imports-e2e-logs\/AWSLogs\/111122223333\/CloudTrail\/us-east-1\/.+\.json\.gz$/,
    );

    const key = (failure?.Location ?? "").slice(E2E_BUCKET_URI.length);
    const fix = await world().admin("PUT", `s3/${E2E_BUCKET}/${key}`, {
      records: sampleRecords(2),
    });
    expect(fix).toEqual({ status: 200, body: { bucket: E2E_BUCKET, key, events: 2 } });

    const retried = await client.send(new StartImportCommand({ ImportId: id }));
    expect(retried.ImportStatus).toBe("INITIALIZING");
    const done = await waitForStatus(client, id, ["COMPLETED", "FAILED"]);
    expect(done.ImportStatus).toBe("COMPLETED");
    expect(done.ImportStatistics).toMatchObject({
      FilesCompleted: (before.FilesCompleted ?? 0) + 1,
      EventsCompleted: (before.EventsCompleted ?? 0) + 2,
      FailedEntries: 0,
      PrefixesFound: before.PrefixesFound,
      PrefixesCompleted: before.PrefixesFound,
    });
    const [settled] = await failuresOf(id);
    expect(settled?.Status).toBe("SUCCEEDED");
    expect(settled?.LastUpdatedTime?.getTime()).toBeGreaterThanOrEqual(
      failure?.LastUpdatedTime?.getTime() ?? Infinity,
    );
    expect(done.UpdatedTimestamp?.getTime()).toBeGreaterThan(
      failed.UpdatedTimestamp?.getTime() ?? Infinity,
    );
  });

  it("stops a running import, then a retry reads only the files it had not reached", async () => {
    const keys = [
      "custom/part-1.json.gz",
      "custom/part-2.json.gz",
      "custom/part-3.json.gz",
      "custom/part-4.json.gz",
      "custom/part-5.json.gz",
      "custom/part-6.json.gz",
    ];
    for (const [i, key] of keys.entries())
      await world().admin("PUT", `s3/${E2E_BUCKET}/${key}`, { records: sampleRecords(i + 1) });
    await world().admin("POST", "pace", { pace: 200 });
    const id = (await start(`${E2E_BUCKET_URI}custom/`)).ImportId ?? "";
    const first = await waitForStatus(client, id, ["IN_PROGRESS"]);
    expect(first.ImportStatistics?.PrefixesFound).toBe(1);
    const moving = await waitFor(
      () => waitForStatus(client, id, ["IN_PROGRESS"]),
      (out) => (out.ImportStatistics?.FilesCompleted ?? 0) >= 2,
    );
    expect(moving.UpdatedTimestamp?.getTime()).toBeGreaterThan(
      first.UpdatedTimestamp?.getTime() ?? Infinity,
    );

    const stopped = await client.send(new StopImportCommand({ ImportId: id }));
    expect(stopped.ImportStatus).toBe("STOPPED");
    const doneAtStop = stopped.ImportStatistics?.FilesCompleted ?? 0;
    expect(doneAtStop).toBeGreaterThanOrEqual(2);
    expect(doneAtStop).toBeLessThan(keys.length);
    expect((await waitForStatus(client, id, ["STOPPED"])).ImportStatistics?.FilesCompleted).toBe(
      doneAtStop,
    );
    expect((await errorOf(() => client.send(new StopImportCommand({ ImportId: id })))).name).toBe(
      "OperationNotPermittedException",
    );

    await world().admin("POST", "pace", { pace: "fast" });
    await client.send(new StartImportCommand({ ImportId: id }));
    const done = await waitForStatus(client, id, ["COMPLETED", "FAILED"]);
    expect(done.ImportStatus).toBe("COMPLETED");
    expect(done.ImportStatistics).toMatchObject({
      FilesCompleted: 6,
      EventsCompleted: 21,
      PrefixesCompleted: 1,
      FailedEntries: 0,
    });
  });

  it("refuses to stop or retry a COMPLETED import", async () => {
    const id = (await start(`${E2E_BUCKET_URI}custom/`)).ImportId ?? "";
    await waitForStatus(client, id, ["COMPLETED"]);
    const stop = await errorOf(() => client.send(new StopImportCommand({ ImportId: id })));
    const retry = await errorOf(() => client.send(new StartImportCommand({ ImportId: id })));
    expect([stop.name, retry.name]).toEqual([
      "OperationNotPermittedException",
      "OperationNotPermittedException",
    ]);
    expect(retry.message).toContain("Only FAILED or STOPPED imports can be retried");
  });

  it("fails with an AccessDenied failure when CloudTrail may not use the role, again on retry", async () => {
    const id = (await start(E2E_TRAIL_URI, DENIED_ROLE_ARN)).ImportId ?? "";
    const failed = await waitForStatus(client, id, ["FAILED", "COMPLETED"]);
    expect(failed.ImportStatus).toBe("FAILED");
    expect(failed.ImportStatistics).toMatchObject({
      FilesCompleted: 0,
      EventsCompleted: 0,
      FailedEntries: 1,
    });
    expect(await failuresOf(id)).toEqual([
      expect.objectContaining({
        Location: E2E_TRAIL_URI,
        Status: "FAILED",
        ErrorType: "AccessDenied",
      }),
    ]);
    await client.send(new StartImportCommand({ ImportId: id }));
    expect((await waitForStatus(client, id, ["FAILED", "COMPLETED"])).ImportStatus).toBe("FAILED");
    expect((await failuresOf(id))[0]?.Status).toBe("FAILED");
  });

  it("reads only files whose names fall inside the event time range", async () => {
    const all = await waitForStatus(client, (await start(E2E_TRAIL_URI)).ImportId ?? "", [
      "COMPLETED",
      "FAILED",
    ]);
    const end = new Date();
    const oneDay = await start(E2E_TRAIL_URI, IMPORT_ROLE_ARN, {
      StartEventTime: new Date(end.getTime() - 24 * 3600_000),
      EndEventTime: end,
    });
    expect(oneDay.StartEventTime?.getTime()).toBe(end.getTime() - 24 * 3600_000);
    const part = await waitForStatus(client, oneDay.ImportId ?? "", ["COMPLETED", "FAILED"]);
    const total = (s: typeof all) =>
      (s.ImportStatistics?.FilesCompleted ?? 0) + (s.ImportStatistics?.FailedEntries ?? 0);
    expect(total(part)).toBeGreaterThan(0);
    expect(total(part)).toBeLessThan(total(all));
    expect(part.ImportStatistics?.PrefixesFound).toBeLessThanOrEqual(2);
  });

  it("records every successful StartImport and StopImport as a management event", async () => {
    const out = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StopImport" }],
      }),
    );
    const recentStops = (out.Events ?? []).filter(
      (e) => e.EventTime && e.EventTime.getTime() > Date.now() - 600_000,
    );
    const errorOfEvent = (e: (typeof recentStops)[number]): unknown =>
      (JSON.parse(e.CloudTrailEvent ?? "{}") as { errorCode?: unknown }).errorCode;
    const stops = recentStops.filter((e) => errorOfEvent(e) === undefined);
    expect(stops).toHaveLength(1);
    // The refused second stop is recorded too, with its error, as CloudTrail records failed calls.
    expect(recentStops.map(errorOfEvent)).toContain("OperationNotPermittedException");
    const event = JSON.parse(stops[0]?.CloudTrailEvent ?? "{}") as Record<string, unknown>;
    expect(event).toMatchObject({
      eventSource: "cloudtrail.amazonaws.com",
      eventName: "StopImport",
      awsRegion: "us-east-1",
      readOnly: false,
      userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/trail-imports-app" },
      responseElements: { importStatus: "STOPPED" },
    });
    const starts = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: STORES.demo.arn }],
        MaxResults: 50,
      }),
    );
    const recent = (starts.Events ?? []).filter(
      (e) => e.EventName === "StartImport" && (e.EventTime?.getTime() ?? 0) > Date.now() - 600_000,
    );
    // 1 + retry, 1 (stop test) + retry, 1 (completed), 1 (denied) + retry, 2 (date range).
    expect(recent).toHaveLength(9);
  });
});

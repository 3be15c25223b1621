import { randomUUID } from "node:crypto";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { activityAppendFailures, audit } from "./index";
import { activityLog } from "@/lib/db/activity";
import { databaseFor } from "@/lib/db/client";
import { pointAppAtDatabase } from "@/lib/db/testing/app-database";
import { describeEachDatabase } from "@/lib/db/testing/targets";

const DEAD = "postgres://postgres@127.0.0.1:1/none?sslmode=disable";

afterEach(() => vi.restoreAllMocks());
afterAll(() => pointAppAtDatabase(undefined));

describeEachDatabase("audit entries in the activity log", (db) => {
  const entries = async (importId: string) =>
    (await activityLog(databaseFor(db().pool())).list({ filters: { import: importId }, limit: 10 }))
      .entries;

  it("appends each entry once, as the action, outcome and resources a person searches by", async () => {
    await pointAppAtDatabase(db().url);
    const importId = randomUUID();
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await audit({
      actor: { id: "sub-1", email: "Alice@Example.test", role: "operator" },
      action: "start-import",
      importId,
      result: "ok",
      detail: {
        destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/x",
        s3Uri: "s3://bucket/AWSLogs/",
        roleArn: "arn:aws:iam::111122223333:role/Import",
        region: "us-east-1",
        startTime: "2030-01-01T00:00:00.000Z",
        endTime: "2030-01-02T00:00:00.000Z",
      },
    });
    await audit({
      actor: { id: "sub-1", email: "alice@example.test" },
      action: "stop-import",
      importId,
      result: "aws",
      message: "This import is not running.",
      detail: { awsCode: "OperationNotPermittedException", requestId: "req-9" },
    });
    // The stdout line is still written, one per entry.
    expect(write).toHaveBeenCalledTimes(2);
    const [failed, started] = await entries(importId);
    expect(started).toMatchObject({
      action: "start",
      outcome: "ok",
      actorEmail: "alice@example.test",
      actorRole: "operator",
      storeArn: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/x",
      s3Uri: "s3://bucket/AWSLogs/",
      roleArn: "arn:aws:iam::111122223333:role/Import",
      region: "us-east-1",
      timeRange: { start: "2030-01-01T00:00:00.000Z", end: "2030-01-02T00:00:00.000Z" },
      errorCode: null,
    });
    expect(failed).toMatchObject({
      action: "stop",
      outcome: "failed",
      errorCode: "OperationNotPermittedException",
      errorMessage: "This import is not running.",
      awsRequestId: "req-9",
    });
  });

  it("when the database is down, logs the whole entry as an error line and counts it", async () => {
    await pointAppAtDatabase(DEAD);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = activityAppendFailures();
    const importId = randomUUID();
    await expect(
      audit({ actor: { id: "sub-2" }, action: "retry-import", importId, result: "ok" }),
    ).resolves.toBeUndefined();
    expect(activityAppendFailures()).toBe(before + 1);
    const logged = errors.mock.calls
      .map(([line]) => String(line))
      .find((l) => l.includes(importId));
    expect(JSON.parse(logged ?? "{}")).toMatchObject({
      level: "error",
      reason: "ECONNREFUSED",
      entry: { type: "audit", action: "retry-import", importId, result: "ok" },
    });
    await pointAppAtDatabase(db().url);
    expect(await entries(importId)).toEqual([]);
  });
});

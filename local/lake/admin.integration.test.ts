// /_admin: fault injection as the SDK experiences it (retries included), the call log, pace,
// and replacing objects in the local S3.
import { ListImportsCommand } from "@aws-sdk/client-cloudtrail";
import { afterEach, describe, expect, it } from "vitest";
import { APP_ACCESS_KEY_ID, E2E_BUCKET } from "./seed/constants.ts";
import { errorOf, fakeAuthorization, sampleRecords } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();
afterEach(async () => {
  await world().admin("PUT", "faults", { throttleRate: 0, errorRate: 0, latencyMs: 0 });
});

type Call = { service: string; operation: string; status: number; error: string | null };
const calls = async (): Promise<Call[]> =>
  ((await world().admin("GET", "calls")).body as { calls: Call[] }).calls;

describe("fault injection", () => {
  it("throttles every call: the SDK retries, then surfaces ThrottlingException", async () => {
    await world().admin("DELETE", "calls");
    expect(await world().admin("PUT", "faults", { throttleRate: 1 })).toEqual({
      status: 200,
      body: { throttleRate: 1, errorRate: 0, latencyMs: 0 },
    });
    const error = await errorOf(() => world().client().send(new ListImportsCommand({})));
    expect(error.name).toBe("ThrottlingException");
    expect(error.$metadata?.attempts).toBe(3);
    expect((await calls()).map((c) => [c.operation, c.status, c.error])).toEqual(
      Array(3).fill(["ListImports", 400, "ThrottlingException"]),
    );
  });

  it("fails calls with 500 InternalFailure, a server fault the SDK retries", async () => {
    await world().admin("PUT", "faults", { errorRate: 1 });
    const error = await errorOf(() => world().client().send(new ListImportsCommand({})));
    expect([
      error.name,
      error.$fault,
      error.$metadata?.httpStatusCode,
      error.$metadata?.attempts,
    ]).toEqual(["InternalFailure", "server", 500, 3]);
  });

  it("adds latency to CloudTrail calls", async () => {
    await world().admin("PUT", "faults", { latencyMs: 300 });
    const started = performance.now();
    await world()
      .client()
      .send(new ListImportsCommand({ MaxResults: 1 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("never applies faults to STS or to /_admin", async () => {
    await world().admin("PUT", "faults", { throttleRate: 1, errorRate: 1 });
    const res = await fetch(`${world().lake.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: fakeAuthorization(APP_ACCESS_KEY_ID, "us-east-1", "sts"),
      },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(res.status).toBe(200);
    expect((await world().admin("GET", "health")).status).toBe(200);
  });

  it("rejects invalid fault settings", async () => {
    expect((await world().admin("PUT", "faults", { throttleRate: 2 })).status).toBe(400);
    expect((await world().admin("PUT", "faults", { latencyMs: -1 })).status).toBe(400);
  });
});

describe("admin endpoints", () => {
  it("clears the call log", async () => {
    await world()
      .client()
      .send(new ListImportsCommand({ MaxResults: 1 }));
    expect((await calls()).length).toBeGreaterThan(0);
    expect((await world().admin("DELETE", "calls")).status).toBe(204);
    expect(await calls()).toEqual([]);
  });

  it("writes objects from records or by copying a good object, and refuses unsafe keys", async () => {
    const made = await world().admin("PUT", `s3/${E2E_BUCKET}/fixtures/a.json.gz`, {
      records: sampleRecords(4),
    });
    expect(made).toEqual({
      status: 200,
      body: { bucket: E2E_BUCKET, key: "fixtures/a.json.gz", events: 4 },
    });
    const copied = await world().admin("PUT", `s3/${E2E_BUCKET}/fixtures/b.json.gz`, {
      from: "fixtures/a.json.gz",
    });
    expect(copied.body).toEqual({ bucket: E2E_BUCKET, key: "fixtures/b.json.gz", events: 4 });
    expect(
      (await world().admin("PUT", `s3/${E2E_BUCKET}/..%2F..%2Fescape.json.gz`, { records: [] }))
        .status,
    ).toBe(400);
    expect(
      (await world().admin("PUT", "s3/no-such-bucket-x/a.json.gz", { records: [] })).status,
    ).toBe(404);
    expect(
      (await world().admin("PUT", `s3/${E2E_BUCKET}/fixtures/c.json.gz`, { nothing: true })).status,
    ).toBe(400);
    expect(
      (
        await world().admin("PUT", `s3/${E2E_BUCKET}/fixtures/d.json.gz`, {
          from: "fixtures/missing.json.gz",
        })
      ).status,
    ).toBe(400);
  });

  it("sets the pace and rejects nonsense", async () => {
    expect(await world().admin("POST", "pace", { pace: 25 })).toEqual({
      status: 200,
      body: { pace: 25 },
    });
    expect(await world().admin("POST", "pace", { pace: "fast" })).toEqual({
      status: 200,
      body: { pace: "fast" },
    });
    expect((await world().admin("POST", "pace", { pace: "warp" })).status).toBe(400);
    expect((await world().admin("GET", "nope")).status).toBe(404);
  });
});

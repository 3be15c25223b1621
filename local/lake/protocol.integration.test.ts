// The awsJson1_1 framing as real clients see it: both target forms, headers on every response,
// error shapes, empty and malformed bodies, authentication, timestamps and Region isolation.
import {
  GetImportCommand,
  ListEventDataStoresCommand,
  ListImportsCommand,
} from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { APP_ACCESS_KEY_ID, E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "./seed/constants.ts";
import { errorOf, fakeAuthorization, rawCloudTrail } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();

describe("awsJson1_1 protocol", () => {
  it("accepts the short (JS SDK) and long (botocore) X-Amz-Target forms", async () => {
    const short = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.ListEventDataStores",
      "{}",
    );
    const long = await rawCloudTrail(
      world().lake.url,
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListEventDataStores",
      "{}",
    );
    expect(short.status).toBe(200);
    expect(long.json).toEqual(short.json);
  });

  it("sends the JSON content type and a request id on success and on error", async () => {
    const ok = await rawCloudTrail(world().lake.url, "CloudTrail_20131101.ListImports", "{}");
    const bad = await rawCloudTrail(world().lake.url, "CloudTrail_20131101.GetImport", "{}");
    for (const res of [ok, bad]) {
      expect(res.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-amzn-errortype")).toBe("InvalidParameterException");
    expect(bad.json).toEqual({
      __type: "InvalidParameterException",
      Message:
        "1 validation error detected: Value null at 'importId' failed to satisfy constraint: Member must not be null",
      message:
        "1 validation error detected: Value null at 'importId' failed to satisfy constraint: Member must not be null",
    });
  });

  it("treats an empty body as {}", async () => {
    const res = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.ListEventDataStores",
      "",
    );
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.EventDataStores)).toBe(true);
  });

  it("answers malformed JSON and wrong member types with SerializationException", async () => {
    const malformed = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.ListImports",
      "{not json",
    );
    expect([malformed.status, malformed.json.__type]).toEqual([400, "SerializationException"]);
    const wrongType = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.ListImports",
      '{"MaxResults":"ten"}',
    );
    expect(wrongType.json.__type).toBe("SerializationException");
  });

  it("answers an unknown operation or another service's target with UnknownOperationException", async () => {
    const unknown = await rawCloudTrail(world().lake.url, "CloudTrail_20131101.CreateTrail", "{}");
    const other = await rawCloudTrail(world().lake.url, "DynamoDB_20120810.ListTables", "{}");
    const none = await rawCloudTrail(world().lake.url, null, "{}");
    for (const res of [unknown, other, none])
      expect([res.status, res.json.__type]).toEqual([400, "UnknownOperationException"]);
  });

  it("requires a signature and rejects temporary keys it never issued", async () => {
    const missing = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.ListImports",
      "{}",
      {},
    );
    expect(missing.json.__type).toBe("MissingAuthenticationTokenException");
    const forged = await rawCloudTrail(world().lake.url, "CloudTrail_20131101.ListImports", "{}", {
      authorization: fakeAuthorization("ASIAFORGEDKEY0000000"),
      "x-amz-security-token": "nope",
    });
    expect(forged.json.__type).toBe("UnrecognizedClientException");
  });

  it("sends 404 for ImportNotFoundException, which the SDK maps to its modeled class", async () => {
    const error = await errorOf(() =>
      world()
        .client()
        .send(new GetImportCommand({ ImportId: "00000000-0000-4000-8000-000000000000" })),
    );
    expect(error.name).toBe("ImportNotFoundException");
    expect(error.$metadata?.httpStatusCode).toBe(404);
    expect(error.message).toContain("00000000-0000-4000-8000-000000000000");
  });

  it("accepts fractional epoch seconds and returns timestamps with milliseconds", async () => {
    const start = 1_790_000_000.25;
    const res = await rawCloudTrail(
      world().lake.url,
      "CloudTrail_20131101.StartImport",
      JSON.stringify({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: E2E_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
        StartEventTime: start,
        EndEventTime: 1_900_000_000,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json.StartEventTime).toBe(start);
    expect(res.json.EndEventTime).toBe(1_900_000_000);
    expect(typeof res.json.CreatedTimestamp).toBe("number");
    const got = await world()
      .client()
      .send(new GetImportCommand({ ImportId: String(res.json.ImportId) }));
    expect(got.StartEventTime?.getTime()).toBe(start * 1000);
    expect(got.CreatedTimestamp).toBeInstanceOf(Date);
  });

  it("keeps Regions apart: each sees only its own stores and imports", async () => {
    const us = await world().client("us-east-1").send(new ListEventDataStoresCommand({}));
    const eu = await world().client("eu-west-1").send(new ListEventDataStoresCommand({}));
    const ap = await world().client("ap-southeast-2").send(new ListImportsCommand({}));
    expect(eu.EventDataStores?.map((s) => s.Name)).toEqual([STORES.eu.name]);
    expect(us.EventDataStores?.map((s) => s.Name)).not.toContain(STORES.eu.name);
    expect(ap.Imports).toEqual([]);
  });

  it("identifies static callers by access key id (the call log records the principal)", async () => {
    await world().admin("DELETE", "calls");
    await world()
      .client()
      .send(new ListImportsCommand({ MaxResults: 1 }));
    const { body } = await world().admin("GET", "calls");
    const calls = (body as { calls: Record<string, unknown>[] }).calls;
    expect(calls).toEqual([
      expect.objectContaining({
        service: "cloudtrail",
        operation: "ListImports",
        accessKeyId: APP_ACCESS_KEY_ID,
        principal: "arn:aws:iam::111122223333:user/trail-imports-app",
        region: "us-east-1",
        status: 200,
        error: null,
      }),
    ]);
  });
});

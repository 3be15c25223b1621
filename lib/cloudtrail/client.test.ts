import { beforeAll, describe, expect, it } from "vitest";
import { cloudTrailFor } from "./client";
import { RegionNotConfiguredError, toCloudTrailFailure } from "./errors";
import { regionOfStoreArn } from "./regions";
import { setTestEnv } from "./test-env";

beforeAll(() => setTestEnv({ CLOUDTRAIL_ENDPOINT: "http://127.0.0.1:4599" }));

const alice = { id: "alice", email: "alice@example.test" };

describe("cloudTrailFor", () => {
  it("reuses one client per person and Region", () => {
    const client = cloudTrailFor(alice, "us-east-1");
    expect(cloudTrailFor({ ...alice }, "us-east-1")).toBe(client);
    expect(cloudTrailFor(alice, "eu-west-1")).not.toBe(client);
    expect(cloudTrailFor({ id: "bob", email: "bob@example.test" }, "us-east-1")).not.toBe(client);
  });

  it("uses adaptive retries, the Region and the endpoint override", async () => {
    const client = cloudTrailFor(alice, "eu-west-1");
    expect(await client.config.region()).toBe("eu-west-1");
    expect(client.config.retryMode).toBe("adaptive");
    expect(await client.config.retryStrategy()).toMatchObject({ mode: "adaptive" });
    const endpoint = await client.config.endpoint?.();
    expect(endpoint?.hostname).toBe("127.0.0.1");
    expect(endpoint?.port).toBe(4599);
  });

  it("gives up on a stalled connection or reply instead of waiting forever", async () => {
    const handler = cloudTrailFor(alice, "us-east-1").config.requestHandler;
    // The Node handler resolves its options lazily, on first use.
    const configs = "configProvider" in handler ? await handler.configProvider : {};
    expect(configs).toMatchObject({
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    });
  });

  it("refuses a Region outside CLOUDTRAIL_REGIONS with a typed error", () => {
    expect(() => cloudTrailFor(alice, "ap-south-1")).toThrow(RegionNotConfiguredError);
    try {
      cloudTrailFor(alice, "ap-south-1");
    } catch (error) {
      expect(toCloudTrailFailure(error, "startImport")).toMatchObject({
        code: "RegionNotConfigured",
        field: "destination",
        retryable: false,
      });
    }
  });
});

describe("regionOfStoreArn", () => {
  it("reads the Region out of the store ARN", () =>
    expect(regionOfStoreArn("arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/abc")).toBe(
      "eu-west-1",
    ));
  it("refuses unconfigured Regions and malformed ARNs", () => {
    expect(() =>
      regionOfStoreArn("arn:aws:cloudtrail:ap-south-1:111122223333:eventdatastore/abc"),
    ).toThrow(RegionNotConfiguredError);
    let code = "";
    try {
      regionOfStoreArn("not-an-arn");
    } catch (error) {
      code = toCloudTrailFailure(error).code;
    }
    expect(code).toBe("EventDataStoreARNInvalidException");
  });
});

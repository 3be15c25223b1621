import {
  AccessDeniedException,
  AccountHasOngoingImportException,
  CloudTrailServiceException,
  ImportNotFoundException,
  OperationNotPermittedException,
  ThrottlingException,
} from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import {
  CloudTrailAppError,
  CloudTrailCallError,
  describeErrorForLog,
  toCloudTrailFailure,
  withOperation,
} from "./errors";

// Exceptions are built with the SDK's own classes, exactly as its deserializer builds them.
const RAW = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/secret-internal-detail";
const meta = { httpStatusCode: 400, requestId: "req-123" };

describe("toCloudTrailFailure", () => {
  it("parses the running import's id out of AccountHasOngoingImportException", () => {
    const error = new AccountHasOngoingImportException({
      message: "Import 0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e is still in progress.",
      $metadata: meta,
    });
    expect(toCloudTrailFailure(error, "startImport")).toMatchObject({
      code: "AccountHasOngoingImportException",
      retryable: false,
      ongoingImportId: "0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e",
      requestId: "req-123",
    });
  });

  it("leaves ongoingImportId out when the message names no import", () => {
    const error = new AccountHasOngoingImportException({
      message: "An import is running.",
      $metadata: meta,
    });
    expect(toCloudTrailFailure(error).ongoingImportId).toBeUndefined();
  });

  it("marks throttling that survived the SDK's retries as retryable", () => {
    const error = new ThrottlingException({
      message: "Rate exceeded",
      $metadata: { ...meta, httpStatusCode: 429 },
    });
    expect(toCloudTrailFailure(error)).toMatchObject({
      code: "ThrottlingException",
      retryable: true,
    });
  });

  it("never passes AWS's own text through", () => {
    for (const error of [
      new ImportNotFoundException({ message: RAW, $metadata: meta }),
      new AccessDeniedException({ message: RAW, $metadata: meta }),
      new CloudTrailServiceException({
        name: "BrandNewException",
        $fault: "client",
        message: RAW,
        $metadata: meta,
      }),
      new Error(RAW),
    ]) {
      expect(toCloudTrailFailure(error).message).not.toContain("secret-internal-detail");
    }
  });

  it("maps unknown service errors to Unknown and 5xx to ServiceUnavailable", () => {
    const unknown = new CloudTrailServiceException({
      name: "BrandNewException",
      $fault: "client",
      message: "x",
      $metadata: meta,
    });
    expect(toCloudTrailFailure(unknown).code).toBe("Unknown");
    const internal = new CloudTrailServiceException({
      name: "InternalFailure",
      $fault: "server",
      message: "x",
      $metadata: { httpStatusCode: 500 },
    });
    expect(toCloudTrailFailure(internal)).toMatchObject({
      code: "ServiceUnavailable",
      retryable: true,
    });
    expect(toCloudTrailFailure("a string").code).toBe("Unknown");
  });

  it("recognises network failures, including ones wrapped as a cause", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4599"), {
      code: "ECONNREFUSED",
    });
    expect(toCloudTrailFailure(refused)).toMatchObject({ code: "NetworkError", retryable: true });
    expect(toCloudTrailFailure(new Error("fetch failed", { cause: refused })).code).toBe(
      "NetworkError",
    );
    expect(toCloudTrailFailure(Object.assign(new Error("t"), { name: "TimeoutError" })).code).toBe(
      "NetworkError",
    );
  });

  it("maps STS and credential failures to their own codes", () => {
    expect(
      toCloudTrailFailure(
        Object.assign(new Error("not authorized to perform sts:AssumeRole"), {
          name: "AccessDenied",
        }),
      ).code,
    ).toBe("AssumeRoleDenied");
    expect(
      toCloudTrailFailure(Object.assign(new Error("x"), { name: "ExpiredToken" })),
    ).toMatchObject({ code: "ExpiredTokenException", retryable: true });
    expect(
      toCloudTrailFailure(Object.assign(new Error("x"), { name: "CredentialsProviderError" })).code,
    ).toBe("CredentialsUnavailable");
    expect(
      toCloudTrailFailure(Object.assign(new Error("x"), { name: "UnrecognizedClientException" }))
        .code,
    ).toBe("UnrecognizedClientException");
  });

  it("does not let a bare error name claim an app-internal code", () => {
    expect(
      toCloudTrailFailure(Object.assign(new Error("x"), { name: "RegionNotConfigured" })).code,
    ).toBe("Unknown");
    expect(toCloudTrailFailure(new CloudTrailAppError("RegionNotConfigured", "x")).code).toBe(
      "RegionNotConfigured",
    );
  });

  it("uses the operation recorded by withOperation for a specific message", async () => {
    const refused = new OperationNotPermittedException({ message: "no", $metadata: meta });
    const onStart = await withOperation("startImport", "us-east-1", async () =>
      Promise.reject(refused),
    ).catch((e: unknown) => e);
    const onStop = await withOperation("stopImport", "us-east-1", async () =>
      Promise.reject(refused),
    ).catch((e: unknown) => e);
    expect(onStart).toBeInstanceOf(CloudTrailCallError);
    expect(toCloudTrailFailure(onStart).message).toContain("closed to new customers");
    expect(toCloudTrailFailure(onStop).message).toContain("already finished");
    expect(toCloudTrailFailure(onStart).requestId).toBe("req-123");
  });

  it("blames the field the user can fix", () => {
    const notFound = new ImportNotFoundException({ message: "none", $metadata: meta });
    expect(toCloudTrailFailure(notFound, "retryImport").field).toBe("importId");
  });
});

describe("describeErrorForLog", () => {
  it("keeps the raw name, message, status and request id for server logs", () => {
    const error = new CloudTrailCallError(
      "getImport",
      "us-east-1",
      new ImportNotFoundException({ message: RAW, $metadata: meta }),
    );
    expect(describeErrorForLog(error)).toEqual({
      name: "ImportNotFoundException",
      message: RAW,
      requestId: "req-123",
      httpStatus: 400,
    });
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CLOUDTRAIL_ERROR_TEXT,
  type CloudTrailOperation,
  describeCloudTrailError,
  isCloudTrailErrorCode,
} from "./error-messages";

// The Smithy model is the source of truth; a new exception added to an operation must fail here.
// The model is kept in the repository (the local Lake speaks it too), so every clone can run this.
const MODEL_PATH = fileURLToPath(
  new URL("../../local/lake/model/cloudtrail-model.json", import.meta.url),
);

interface SmithyModel {
  shapes: Record<string, { errors?: { target: string }[] }>;
}

function modeledErrors(operation: string): string[] {
  const model = JSON.parse(readFileSync(MODEL_PATH, "utf8")) as SmithyModel;
  const shape = model.shapes[`com.amazonaws.cloudtrail#${operation}`];
  if (!shape) throw new Error(`${operation} is not in the model at ${MODEL_PATH}`);
  return (shape.errors ?? []).map((error) => error.target.replace(/^.*#/, ""));
}

const OPERATIONS: Record<string, CloudTrailOperation> = {
  StartImport: "startImport",
  GetImport: "getImport",
  ListImports: "listImports",
  ListImportFailures: "listImportFailures",
  StopImport: "stopImport",
  ListEventDataStores: "listEventDataStores",
  GetEventDataStore: "getEventDataStore",
};

describe("CloudTrail error messages", () => {
  it("has a message for every exception the model lists for StartImport", () => {
    const names = modeledErrors("StartImport");
    expect(names).toContain("AccountHasOngoingImportException");
    const missing = names.filter((name) => !isCloudTrailErrorCode(name));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(OPERATIONS))(
    "has a message for every exception the model lists for %s",
    (operation, appOperation) => {
      const names = modeledErrors(operation);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(isCloudTrailErrorCode(name), `${operation}: ${name}`).toBe(true);
        if (!isCloudTrailErrorCode(name)) continue;
        expect(describeCloudTrailError(name, appOperation).message.length).toBeGreaterThan(20);
      }
    },
  );

  it("says every message in whole sentences that end with what to do", () => {
    for (const [code, text] of Object.entries(CLOUDTRAIL_ERROR_TEXT)) {
      expect(text.message, code).toMatch(/^[A-Z].*[.)]$/);
      expect(
        text.message.split(". ").length,
        `${code} should say what happened and what to do`,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it("tells the user plainly that Lake may be unavailable when a start is refused", () => {
    for (const code of [
      "OperationNotPermittedException",
      "UnsupportedOperationException",
    ] as const) {
      const { message } = describeCloudTrailError(code, "startImport");
      expect(message).toMatch(/may not be able to use CloudTrail Lake|can't use CloudTrail Lake/);
      expect(message).toContain("closed to new customers");
    }
  });

  it("explains a refused stop as a state problem, not Lake availability", () => {
    const { message } = describeCloudTrailError("OperationNotPermittedException", "stopImport");
    expect(message).toContain("already finished");
    expect(message).not.toContain("closed to new customers");
  });

  it("blames the field the user can fix", () => {
    expect(describeCloudTrailError("EventDataStoreNotFoundException", "startImport").field).toBe(
      "destination",
    );
    expect(describeCloudTrailError("InvalidImportSourceException", "startImport").field).toBe(
      "s3Uri",
    );
    expect(
      describeCloudTrailError("InsufficientEncryptionPolicyException", "startImport").field,
    ).toBe("roleArn");
    expect(describeCloudTrailError("ImportNotFoundException", "retryImport").field).toBe(
      "importId",
    );
    expect(describeCloudTrailError("InvalidParameterException", "stopImport").field).toBe(
      "importId",
    );
    expect(
      describeCloudTrailError("InvalidParameterException", "startImport").field,
    ).toBeUndefined();
  });

  it("marks only transient failures as retryable", () => {
    expect(describeCloudTrailError("ThrottlingException").retryable).toBe(true);
    expect(describeCloudTrailError("NetworkError").retryable).toBe(true);
    expect(describeCloudTrailError("AccessDeniedException").retryable).toBe(false);
    expect(describeCloudTrailError("AccountHasOngoingImportException").retryable).toBe(false);
  });

  it("does not treat inherited object keys as codes", () => {
    expect(isCloudTrailErrorCode("toString")).toBe(false);
    expect(isCloudTrailErrorCode("constructor")).toBe(false);
  });
});

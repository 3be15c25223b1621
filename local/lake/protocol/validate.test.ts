import { describe, expect, it } from "vitest";
import { LakeError } from "./errors.ts";
import { IMPORT_ID_ONLY, LIST_IMPORTS, START_IMPORT } from "./shapes.ts";
import { describeViolations, validateInput } from "./validate.ts";

describe("validateInput", () => {
  it("accepts valid input, drops unknown members and turns timestamps into epoch ms", () => {
    const { value, errors } = validateInput(START_IMPORT, {
      ImportId: "0".repeat(36),
      StartEventTime: 1.5,
      Extra: true,
    });
    expect(errors).toEqual([]);
    expect(value).toEqual({ ImportId: "0".repeat(36), StartEventTime: 1500 });
  });

  it("words violations like AWS, with lowerCamel paths and 1-based list members", () => {
    const { errors } = validateInput(START_IMPORT, {
      Destinations: ["a b"],
      ImportSource: { S3: {} },
    });
    expect(errors).toEqual([
      "Value 'a b' at 'destinations.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._/\\-:]+$",
      "Value null at 'importSource.s3.s3LocationUri' failed to satisfy constraint: Member must not be null",
      "Value null at 'importSource.s3.s3BucketRegion' failed to satisfy constraint: Member must not be null",
      "Value null at 'importSource.s3.s3BucketAccessRoleArn' failed to satisfy constraint: Member must not be null",
    ]);
  });

  it("checks ranges and enums", () => {
    expect(
      validateInput(LIST_IMPORTS, { MaxResults: 1000, ImportStatus: "FAILED" }).errors,
    ).toEqual([]);
    expect(validateInput(LIST_IMPORTS, { MaxResults: 1001 }).errors).toHaveLength(1);
    expect(validateInput(LIST_IMPORTS, { ImportStatus: "failed" }).errors[0]).toContain(
      "enum value set",
    );
  });

  it("treats JSON null as absent", () => {
    expect(validateInput(IMPORT_ID_ONLY, { ImportId: null }).errors[0]).toContain(
      "Member must not be null",
    );
  });

  it("throws SerializationException for a member of the wrong JSON type", () => {
    for (const input of [{ MaxResults: "1" }, { MaxResults: 1.5 }, { ImportStatus: 3 }]) {
      expect(() => validateInput(LIST_IMPORTS, input)).toThrow(LakeError);
    }
    let caught: unknown;
    try {
      validateInput(START_IMPORT, { StartEventTime: "2026-01-01" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "SerializationException", status: 400 });
  });

  it("summarises one or several violations", () => {
    expect(describeViolations(["A"])).toBe("1 validation error detected: A");
    expect(describeViolations(["A", "B"])).toBe("2 validation errors detected: A; B");
  });
});

import { describe, expect, it } from "vitest";
import { classifyImportFailure, isTransientStartError } from "./failure-class";

describe("classifyImportFailure", () => {
  it("retries when every failed file failed for a temporary reason", () => {
    const verdict = classifyImportFailure(["SlowDown", "InternalError", "SlowDown"]);
    expect(verdict).toEqual({
      transient: true,
      reason:
        "Some files failed for temporary reasons (InternalError, SlowDown); the import is retried.",
    });
  });

  it("waits for a person when any cause is permanent", () => {
    const verdict = classifyImportFailure(["SlowDown", "AccessDenied", "InvalidFileFormat"]);
    expect(verdict.transient).toBe(false);
    expect(verdict.reason).toMatch(/^Some files failed with AccessDenied, InvalidFileFormat\. Fix/);
  });

  it("treats an unknown error type and an empty list as permanent", () => {
    expect(classifyImportFailure(["SomethingNew"]).transient).toBe(false);
    expect(classifyImportFailure([]).transient).toBe(false);
  });

  it("does not retry a permission problem in a dependency", () => {
    expect(
      classifyImportFailure(["InsufficientDependencyServiceAccessPermissionException"]).transient,
    ).toBe(false);
  });
});

describe("isTransientStartError", () => {
  it.each([
    ["ThrottlingException", true],
    ["ServiceUnavailable", true],
    ["NetworkError", true],
    ["AccountHasOngoingImportException", true],
    ["InvalidImportSourceException", false],
    ["AssumeRoleDenied", false],
    ["Unknown", false],
  ])("%s → %s", (code, expected) => expect(isTransientStartError(code)).toBe(expected));
});

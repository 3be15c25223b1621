import { describe, expect, it } from "vitest";
import { accessDenied, fetched, type ImportFacts } from "./facts";
import { evaluateOngoing } from "./ongoing";
import { evaluateOverlap } from "./overlap";
import { CLEAN_STORE, NOW, RANGE, STORE_ARN } from "./test-facts";

const running: ImportFacts = {
  importId: "0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e",
  region: "us-east-1",
  status: "IN_PROGRESS",
  destinations: [STORE_ARN],
  createdAt: "2026-03-01T10:00:00Z",
};

describe("evaluateOngoing", () => {
  it("passes when nothing is running", () => {
    expect(
      evaluateOngoing({ region: "us-east-1", imports: { "us-east-1": fetched([]) } }).status,
    ).toBe("pass");
  });

  it("fails when an import is running in the store's Region, naming it", () => {
    const result = evaluateOngoing({
      region: "us-east-1",
      imports: { "us-east-1": fetched([running]) },
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toBe(
      `Import ${running.importId} (in progress in us-east-1, started 2026-03-01 10:00 UTC) is still running, and CloudTrail runs one import at a time per account, so starting now will be refused.`,
    );
  });

  it("warns about an import running in another Region", () => {
    const result = evaluateOngoing({
      region: "us-east-1",
      imports: {
        "us-east-1": fetched([]),
        "eu-west-1": fetched([{ ...running, region: "eu-west-1", status: "INITIALIZING" }]),
      },
    });
    expect(result.status).toBe("warning");
  });

  it("couldn't check when ListImports is refused", () => {
    const result = evaluateOngoing({
      region: "us-east-1",
      imports: { "us-east-1": accessDenied("cloudtrail:ListImports", "AccessDeniedException") },
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "cloudtrail:ListImports",
    });
  });
});

describe("evaluateOverlap", () => {
  const completed: ImportFacts = {
    ...running,
    status: "COMPLETED",
    startEventTime: "2026-01-20T00:00:00Z",
    endEventTime: "2026-02-03T00:00:00Z",
  };
  const oldStore = fetched({ ...CLEAN_STORE, createdAt: "2026-02-05T00:00:00Z" });

  it("passes when no import or live ingestion covers the range", () => {
    expect(
      evaluateOverlap({ range: RANGE, now: NOW, store: fetched(CLEAN_STORE), imports: fetched([]) })
        .status,
    ).toBe("pass");
  });

  it("warns about a completed import into the same store whose range overlaps", () => {
    const result = evaluateOverlap({
      range: RANGE,
      now: NOW,
      store: fetched(CLEAN_STORE),
      imports: fetched([completed, { ...completed, importId: "x", status: "IN_PROGRESS" }]),
    });
    expect(result.status).toBe("warning");
    expect(result.sentence).toBe(
      `Import ${completed.importId} (completed, 2026-02-01 to 2026-02-03) already copied events of this range. CloudTrail doesn't de-duplicate, so those events would be stored and billed twice.`,
    );
  });

  it("warns about the part of the range after the store began ingesting live events", () => {
    const result = evaluateOverlap({
      range: RANGE,
      now: NOW,
      store: oldStore,
      imports: fetched([]),
    });
    expect(result.sentence).toContain(
      "ingesting live events since 2026-02-05, so 2026-02-05 to 2026-02-07 is already in it",
    );
    const stopped = evaluateOverlap({
      range: RANGE,
      now: NOW,
      store: fetched({
        ...CLEAN_STORE,
        createdAt: "2026-02-05T00:00:00Z",
        status: "STOPPED_INGESTION",
      }),
      imports: fetched([]),
    });
    expect(stopped.status).toBe("pass");
  });

  it("couldn't check when earlier imports can't be read", () => {
    const result = evaluateOverlap({
      range: RANGE,
      now: NOW,
      store: oldStore,
      imports: accessDenied("cloudtrail:GetImport", "AccessDeniedException"),
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "cloudtrail:GetImport",
    });
  });
});

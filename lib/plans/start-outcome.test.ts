import { describe, expect, it } from "vitest";
import { NOW, chunkRow, planRow } from "./runner-fixtures";
import { decideStartError } from "./start-outcome";

const base = { plan: planRow(), now: NOW, random: () => 0.5, message: "m" };

describe("decideStartError", () => {
  it("waits for someone else's import without spending an attempt", () => {
    const effects = decideStartError({
      ...base,
      chunk: chunkRow(0, { state: "starting", attempts: 2 }),
      code: "AccountHasOngoingImportException",
    });
    expect(effects).toMatchObject([
      { type: "schedule-retry", attempts: 1, at: new Date(NOW.getTime() + 60_000) },
    ]);
  });

  it("retries throttling within the budget and fails a bad source at once", () => {
    expect(
      decideStartError({
        ...base,
        chunk: chunkRow(0, { attempts: 1 }),
        code: "ThrottlingException",
      }),
    ).toMatchObject([{ type: "schedule-retry" }]);
    expect(
      decideStartError({
        ...base,
        chunk: chunkRow(0, { attempts: 1 }),
        code: "InvalidImportSourceException",
      }),
    ).toMatchObject([
      { type: "fail-chunk", reason: "m" },
      { type: "notify", event: { kind: "import-failed" } },
    ]);
  });
});

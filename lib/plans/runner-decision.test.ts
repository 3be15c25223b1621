import { describe, expect, it } from "vitest";
import type { ChunkRow } from "@/lib/schemas/plan-rows";
import type { RunnerEffect } from "./runner-effects";
import { decideTick, type PlanSnapshot, type TickInput } from "./runner-decision";
import {
  IMPORT_A,
  IMPORT_B,
  NOW,
  OTHER_ACCOUNT_STORE,
  STORE,
  chunkRow,
  observed,
  planRow,
  uuid,
} from "./runner-fixtures";

const ACCOUNT = "111122223333";

function tick(plans: PlanSnapshot[], extra: Partial<TickInput> = {}): RunnerEffect[] {
  return decideTick({
    now: NOW,
    plans,
    imports: [],
    listedScopes: [ACCOUNT, "444455556666"],
    random: () => 0.5,
    ...extra,
  });
}
const types = (effects: RunnerEffect[]) => effects.map((effect) => effect.type);
const starts = (effects: RunnerEffect[]) =>
  effects.filter((effect) => effect.type === "start-import");
const single = (...chunks: ChunkRow[]): PlanSnapshot[] => [{ plan: planRow(), chunks }];

describe("decideTick: starting", () => {
  it("starts the lowest-index pending chunk as the plan's creator", () => {
    const effects = tick(single(chunkRow(1), chunkRow(0)));
    expect(effects).toEqual([
      {
        type: "start-import",
        planId: uuid(1),
        chunkId: uuid(1000),
        attempt: 1,
        region: "us-east-1",
        sourceIdentity: "ana@example.com",
        request: {
          kind: "new",
          destination: STORE,
          s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail/",
          bucketRegion: "us-east-1",
          roleArn: "arn:aws:iam::111122223333:role/Import",
          startEventTime: new Date("2025-01-01T00:00:00Z"),
          endEventTime: new Date("2025-01-01T23:59:59Z"),
        },
      },
    ]);
  });

  it("waits while any import runs in the account, even one started outside the app", () => {
    const outsider = observed(IMPORT_A, {
      destinations: ["arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/x"],
    });
    expect(tick(single(chunkRow(0)), { imports: [outsider] })).toEqual([]);
    // Counting per Region lets the us-east-1 store go ahead.
    expect(
      types(
        tick(single(chunkRow(0)), {
          imports: [outsider],
          listedScopes: [`${ACCOUNT}/us-east-1`],
          options: { scope: "region" },
        }),
      ),
    ).toEqual(["start-import"]);
  });

  it("treats an import with an unknown status as running", () => {
    expect(
      tick(single(chunkRow(0)), { imports: [observed(IMPORT_A, { status: "UNKNOWN" })] }),
    ).toEqual([]);
  });

  it("blocks every scope when a running import names no readable store", () => {
    const plans = [{ plan: planRow({ destination: OTHER_ACCOUNT_STORE }), chunks: [chunkRow(0)] }];
    expect(
      tick(plans, { imports: [observed(IMPORT_A, { destinations: ["store-id-only"] })] }),
    ).toEqual([]);
  });

  it("starts nothing in a scope whose imports could not be listed", () => {
    expect(tick(single(chunkRow(0)), { listedScopes: [] })).toEqual([]);
  });

  it("starts one chunk per account, oldest plan first", () => {
    const older = {
      plan: planRow({ id: uuid(2), createdAt: new Date("2025-06-01T00:00:00Z") }),
      chunks: [chunkRow(5, { id: uuid(2005) })],
    };
    const other = {
      plan: planRow({ id: uuid(3), destination: OTHER_ACCOUNT_STORE }),
      chunks: [chunkRow(0, { id: uuid(3000) })],
    };
    const effects = starts(tick([...single(chunkRow(0)), older, other]));
    expect(effects.map((effect) => effect.type === "start-import" && effect.chunkId)).toEqual([
      uuid(2005),
      uuid(3000),
    ]);
  });

  it("starts nothing while a chunk of any plan is starting or running in the account", () => {
    const busy = {
      plan: planRow({ id: uuid(9) }),
      chunks: [chunkRow(0, { id: uuid(9000), state: "starting", claimedAt: NOW, attempts: 1 })],
    };
    expect(starts(tick([...single(chunkRow(1)), busy]))).toEqual([]);
  });

  it("skips paused and cancelled plans, skipped chunks and retries that are not due", () => {
    expect(tick([{ plan: planRow({ state: "paused" }), chunks: [chunkRow(0)] }])).toEqual([]);
    expect(tick([{ plan: planRow({ state: "cancelled" }), chunks: [chunkRow(0)] }])).toEqual([]);
    const later = chunkRow(1, { nextAttemptAt: new Date(NOW.getTime() + 1000) });
    expect(starts(tick(single(chunkRow(0, { state: "skipped" }), later)))).toEqual([]);
    const due = chunkRow(1, { nextAttemptAt: NOW });
    expect(starts(tick(single(due)))).toHaveLength(1);
  });

  it("retries the chunk's own failed import instead of starting a second one", () => {
    const [effect] = tick(single(chunkRow(0, { importId: IMPORT_A, attempts: 1 })));
    expect(effect).toMatchObject({
      type: "start-import",
      attempt: 2,
      request: { kind: "retry", importId: IMPORT_A },
    });
  });
});

describe("decideTick: watching imports", () => {
  const running = (overrides: Partial<ChunkRow> = {}) =>
    chunkRow(0, { state: "running", importId: IMPORT_A, attempts: 1, ...overrides });

  it("asks for a poll when the running chunk's import was not read", () => {
    expect(tick(single(running(), chunkRow(1)))).toEqual([
      {
        type: "poll-import",
        planId: uuid(1),
        chunkId: uuid(1000),
        importId: IMPORT_A,
        region: "us-east-1",
        withFailures: false,
      },
    ]);
  });

  it("records new statistics only when they changed", () => {
    const stats = { eventsCompleted: 10, filesCompleted: 2 };
    expect(
      types(tick(single(running()), { imports: [observed(IMPORT_A, { statistics: stats })] })),
    ).toEqual(["record-progress"]);
    expect(
      tick(single(running({ statistics: stats })), {
        imports: [observed(IMPORT_A, { statistics: stats })],
      }),
    ).toEqual([]);
  });

  it("completes the chunk and starts the next one in the same tick", () => {
    const effects = tick(single(running(), chunkRow(1)), {
      imports: [observed(IMPORT_A, { status: "COMPLETED" })],
    });
    expect(types(effects)).toEqual(["complete-chunk", "start-import"]);
  });

  it("fetches the failed files before judging a failed import", () => {
    const effects = tick(single(running()), {
      imports: [observed(IMPORT_A, { status: "FAILED" })],
    });
    expect(effects).toMatchObject([{ type: "poll-import", withFailures: true }]);
  });

  it("schedules a transient failure again with backoff and jitter", () => {
    const failed = observed(IMPORT_A, { status: "FAILED", failureTypes: ["SlowDown"] });
    const effects = tick(single(running({ attempts: 2 })), { imports: [failed], random: () => 0 });
    // Retry 2: ceiling 2 minutes, the draw 0 waits half of it.
    expect(effects).toMatchObject([
      { type: "schedule-retry", at: new Date(NOW.getTime() + 60_000) },
    ]);
  });

  it("gives up after maxRetries retries and tells a person", () => {
    const failed = observed(IMPORT_A, { status: "FAILED", failureTypes: ["SlowDown"] });
    const effects = tick(single(running({ attempts: 4 })), { imports: [failed] });
    expect(types(effects)).toEqual(["fail-chunk", "notify", "finish-plan", "notify"]);
    expect(effects[0]).toMatchObject({ reason: expect.stringMatching(/Gave up after 4 attempts/) });
    expect(effects[3]).toMatchObject({
      event: { kind: "plan-failed", counts: { failed: 1, total: 1 } },
    });
  });

  it("leaves a permanent failure failed with its reason", () => {
    const failed = observed(IMPORT_A, { status: "FAILED", failureTypes: ["AccessDenied"] });
    const [fail, note] = tick(single(running(), chunkRow(1)), { imports: [failed] });
    expect(fail).toMatchObject({
      type: "fail-chunk",
      reason: expect.stringMatching(/AccessDenied/),
    });
    expect(note).toMatchObject({
      event: { kind: "import-failed", id: `import-failed:${uuid(1000)}:1`, importId: IMPORT_A },
    });
  });

  it("marks a chunk stopped when someone stopped its import, and notifies unless the plan was cancelled", () => {
    const stopped = observed(IMPORT_A, { status: "STOPPED" });
    expect(types(tick(single(running(), chunkRow(1)), { imports: [stopped] }))).toEqual([
      "mark-stopped",
      "notify",
      "start-import",
    ]);
    const cancelled = [{ plan: planRow({ state: "cancelled" }), chunks: [running()] }];
    expect(types(tick(cancelled, { imports: [stopped] }))).toEqual(["mark-stopped"]);
  });

  it("stops the running import of a cancelled plan", () => {
    const cancelled = [{ plan: planRow({ state: "cancelled" }), chunks: [running(), chunkRow(1)] }];
    expect(tick(cancelled, { imports: [observed(IMPORT_A)] })).toMatchObject([
      { type: "stop-import", importId: IMPORT_A },
    ]);
  });

  it("lets a paused plan's running import finish without starting more", () => {
    const paused = [{ plan: planRow({ state: "paused" }), chunks: [running(), chunkRow(1)] }];
    expect(types(tick(paused, { imports: [observed(IMPORT_A, { status: "COMPLETED" })] }))).toEqual(
      ["complete-chunk"],
    );
  });
});

describe("decideTick: finishing and held chunks", () => {
  it("finishes a plan whose chunks are all done", () => {
    const effects = tick(
      single(chunkRow(0, { state: "completed" }), chunkRow(1, { state: "skipped" })),
    );
    expect(effects).toMatchObject([
      { type: "finish-plan", outcome: "completed" },
      {
        type: "notify",
        event: {
          kind: "plan-completed",
          id: `plan-completed:${uuid(1)}`,
          counts: { completed: 1, skipped: 1, total: 2 },
        },
      },
    ]);
  });

  it("does nothing for finished plans", () => {
    expect(tick([{ plan: planRow({ state: "completed" }), chunks: [chunkRow(0)] }])).toEqual([]);
  });

  it("asks a person about a held chunk and keeps the plan open", () => {
    const effects = tick(
      single(chunkRow(0, { state: "held" }), chunkRow(1, { state: "completed" })),
    );
    expect(effects).toMatchObject([
      {
        type: "notify",
        event: { kind: "needs-attention", id: `needs-attention:held:${uuid(1000)}` },
      },
    ]);
  });
});

describe("decideTick: the same state gives the same effects", () => {
  it("returns equal effects for two ticks over one input", () => {
    const input: TickInput = {
      now: NOW,
      plans: single(
        chunkRow(0, { state: "running", importId: IMPORT_A, attempts: 1 }),
        chunkRow(1),
        chunkRow(2, { state: "held" }),
      ),
      imports: [
        observed(IMPORT_A, { status: "FAILED", failureTypes: ["InternalError"] }),
        observed(IMPORT_B, { status: "COMPLETED" }),
      ],
      listedScopes: [ACCOUNT],
      random: () => 0.25,
    };
    expect(decideTick(input)).toEqual(decideTick(input));
  });
});

import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { databaseFor } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/db/testing/targets";
import { createStartGuard } from "@/lib/imports/start-guard";
import { databaseStartGuardStore, storedStartResultSchema } from "./start-guard-store";
import { type AwsActionResult, type ImportRef, actionError, actionOk } from "./types";

type Result = AwsActionResult<ImportRef>;

// Two pools on one database stand in for two replicas, each with its own guard (its own process memory).
describeEachDatabase("the start guard in the database", (db) => {
  const replica = () =>
    createStartGuard(
      databaseStartGuardStore(storedStartResultSchema, databaseFor(db().pool())),
      (result: Result) => result.ok || !result.detail?.retryable,
    );
  const account = () => `${randomUUID()}|us-east-1`;

  it("answers a submission replayed on another replica with the first result, starting once", async () => {
    const [a, b] = [replica(), replica()];
    const key = account();
    const submission = `alice|${randomUUID()}`;
    let starts = 0;
    const start = async (): Promise<Result> =>
      actionOk({ importId: `import-${++starts}`, region: "us-east-1" }, "Import started");
    const first = await a.run(key, submission, start);
    const replay = await b.run(key, submission, start);
    expect(first).toEqual({ kind: "started", result: expect.objectContaining({ ok: true }) });
    expect(replay).toEqual({ kind: "replayed", result: first.kind === "started" && first.result });
    expect(starts).toBe(1);
  });

  it("lets one start run per account across replicas, the same submission included", async () => {
    const [a, b] = [replica(), replica()];
    const key = account();
    const submission = `alice|${randomUUID()}`;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let starts = 0;
    const slow = async (): Promise<Result> => {
      starts += 1;
      await held;
      return actionOk({ importId: "slow", region: "us-east-1" });
    };
    const running = a.run(key, submission, slow);
    // Once the first replica is inside AWS, a replay elsewhere and another submission both find it busy.
    await expect.poll(() => starts).toBe(1);
    expect(await b.run(key, submission, slow)).toEqual({ kind: "busy" });
    expect(await b.run(key, `bob|${randomUUID()}`, slow)).toEqual({ kind: "busy" });
    release();
    expect(await running).toMatchObject({ kind: "started" });
    expect(
      await b.run(key, `bob|${randomUUID()}`, async () =>
        actionOk({ importId: "next", region: "us-east-1" }),
      ),
    ).toMatchObject({ kind: "started" });
    expect(starts).toBe(1);
  });

  it("keeps failures worth replaying, with their AWS details, and forgets transient ones", async () => {
    const [a, b] = [replica(), replica()];
    const key = account();
    const refused: Result = actionError(
      "aws",
      "The bucket does not exist.",
      { s3Uri: ["x"] },
      {
        awsCode: "InvalidImportSourceException",
        field: "s3Uri",
        retryable: false,
        requestId: "req-1",
      },
    );
    const throttled: Result = actionError("aws", "Slow down.", undefined, {
      awsCode: "ThrottlingException",
      retryable: true,
    });
    const kept = `alice|${randomUUID()}`;
    await a.run(key, kept, async () => refused);
    expect(await b.run(key, kept, async () => actionOk({ importId: "x", region: "r" }))).toEqual({
      kind: "replayed",
      result: refused,
    });
    const transient = `alice|${randomUUID()}`;
    await a.run(key, transient, async () => throttled);
    expect(
      await b.run(key, transient, async () => actionOk({ importId: "y", region: "us-east-1" })),
    ).toMatchObject({ kind: "started", result: { ok: true } });
  });

  it("treats a stored result it cannot read as no replay", async () => {
    const pool = db().pool();
    const submission = `alice|${randomUUID()}`;
    await pool.query(
      `insert into submission_replays (user_key, submission_id, result, expires_at) values ('start-import', $1, '{"ok":"maybe"}', now() + interval '1 minute')`,
      [submission],
    );
    const store = databaseStartGuardStore(storedStartResultSchema, databaseFor(pool));
    expect(await store.recall(submission)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import {
  CLAIM_TTL_MS,
  SUBMISSION_TTL_MS,
  createStartGuard,
  memoryStartGuardStore,
} from "./start-guard";

type Result = { ok: boolean; id: number };

function setup() {
  let now = 0;
  const store = memoryStartGuardStore<Result>(() => now);
  const guard = createStartGuard(store, (result) => result.ok);
  let calls = 0;
  const start =
    (ok = true) =>
    async () => ({ ok, id: ++calls });
  return { store, guard, start, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe("createStartGuard", () => {
  it("answers a replayed submission from memory until it expires", async () => {
    const { guard, start, calls, advance } = setup();
    expect(await guard.run("acct|us-east-1", "alice|s1", start())).toEqual({
      kind: "started",
      result: { ok: true, id: 1 },
    });
    expect(await guard.run("acct|us-east-1", "alice|s1", start())).toEqual({
      kind: "replayed",
      result: { ok: true, id: 1 },
    });
    advance(SUBMISSION_TTL_MS + 1);
    expect(await guard.run("acct|us-east-1", "alice|s1", start())).toMatchObject({
      kind: "started",
    });
    expect(calls()).toBe(2);
  });

  it("does not remember results the caller rejects, so they can be sent again", async () => {
    const { guard, start } = setup();
    await guard.run("k", "s", start(false));
    expect(await guard.run("k", "s", start())).toMatchObject({ kind: "started" });
  });

  it("shares one attempt for a double click and refuses another submission for the same key", async () => {
    const { guard, start, calls } = setup();
    const [a, b, other, elsewhere] = await Promise.all([
      guard.run("acct|us-east-1", "s1", start()),
      guard.run("acct|us-east-1", "s1", start()),
      guard.run("acct|us-east-1", "s2", start()),
      guard.run("acct|eu-west-1", "s3", start()),
    ]);
    expect(b).toBe(a);
    expect(other).toEqual({ kind: "busy" });
    expect(elsewhere).toMatchObject({ kind: "started" });
    expect(calls()).toBe(2);
  });

  it("frees the key when the start throws, and lets a stale claim expire", async () => {
    const { store, guard, start, advance } = setup();
    const failing = guard.run("k", "s1", () => Promise.reject(new Error("bug")));
    await expect(failing).rejects.toThrow("bug");
    expect(await guard.run("k", "s2", start())).toMatchObject({ kind: "started" });
    expect(await store.claim("k", "crashed", CLAIM_TTL_MS)).toBe(true);
    expect(await guard.run("k", "s3", start())).toEqual({ kind: "busy" });
    advance(CLAIM_TTL_MS + 1);
    expect(await guard.run("k", "s3", start())).toMatchObject({ kind: "started" });
  });
});

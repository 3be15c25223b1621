import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_FILE, createPersister, readState } from "./persist.ts";
import type { PersistedState } from "./types.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function state(seededMs: number): PersistedState {
  return {
    version: 1,
    seededMs,
    seedEndMs: 0,
    tokenSecret: "s",
    stores: [],
    imports: [],
    sessions: [],
    events: [],
  };
}

describe("persister", () => {
  it("returns null without a state file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "persist-"));
    dirs.push(dir);
    expect(await readState(dir)).toBeNull();
  });

  it("coalesces scheduled writes, writes the latest state, and leaves no temp files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "persist-"));
    dirs.push(dir);
    let current = 0;
    const persister = createPersister(dir, () => state(current), 5);
    for (current = 1; current <= 50; current += 1) persister.schedule();
    current = 99;
    await persister.flush();
    expect((await readState(dir))?.seededMs).toBe(99);
    expect(JSON.parse(await readFile(join(dir, STATE_FILE), "utf8"))).toMatchObject({ version: 1 });
    expect(await readdir(dir)).toEqual([STATE_FILE]);
  });

  it("serialises concurrent flushes so the file is always complete", async () => {
    const dir = await mkdtemp(join(tmpdir(), "persist-"));
    dirs.push(dir);
    let n = 0;
    const persister = createPersister(dir, () => state((n += 1)), 5);
    await Promise.all(Array.from({ length: 20 }, () => persister.flush()));
    const saved = await readState(dir);
    expect(saved?.seededMs).toBeGreaterThan(0);
  });
});

// What a Lake process builds from its data folder at start-up: the state (read from disk, or
// seeded), its debounced writer and the import engine with every unfinished import resumed.
// startLake calls it once; the simulated restart (admin/restart.ts) calls it again.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { ImportEngine } from "./engine/import-engine.ts";
import type { Pace } from "./engine/pace.ts";
import { isTerminal } from "./rules/import-rules.ts";
import { DEFAULT_SEED_IMPORTS } from "./seed/constants.ts";
import { ensureBuckets, resetWorld, seedWorld } from "./seed/seed-world.ts";
import { LakeState } from "./state/lake-state.ts";
import { STATE_FILE, createPersister, readState, type Persister } from "./state/persist.ts";

export type LakeWorld = { state: LakeState; engine: ImportEngine; persister: Persister };

export type LoadWorldOptions = {
  pace: Pace;
  /** Wipe the state file and demo buckets and seed again. */
  reset?: boolean;
  /** Past imports to seed when seeding. */
  seedImports?: number;
  /** Debounce of state writes (the persister's default when absent). */
  persistDebounceMs?: number;
};

// A kill during a state write can leave a temp file behind; it is never the state itself.
async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(`${STATE_FILE}.`) && name.endsWith(".tmp"))
      await rm(join(dataDir, name), { force: true });
  }
}

/**
 * Loads (or seeds) the world in `dataDir`, which must exist, and resumes every import that is
 * not finished. Nothing is carried over from a previous run except what is on disk.
 */
export async function loadWorld(dataDir: string, opts: LoadWorldOptions): Promise<LakeWorld> {
  await removeStaleTempFiles(dataDir);
  if (opts.reset) await resetWorld(dataDir);

  let data = await readState(dataDir);
  const fresh = data === null;
  if (data === null)
    data = await seedWorld(dataDir, Date.now(), opts.seedImports ?? DEFAULT_SEED_IMPORTS);
  else await ensureBuckets(dataDir, data.seedEndMs, false);

  const state = new LakeState(data);
  const persister = createPersister(
    dataDir,
    () => state.snapshot(Date.now()),
    opts.persistDebounceMs,
  );
  state.onChange = () => persister.schedule();
  if (fresh) await persister.flush();

  const engine = new ImportEngine(state, dataDir, opts.pace);
  for (const record of state.allImports()) if (!isTerminal(record.status)) engine.run(record);
  return { state, engine, persister };
}

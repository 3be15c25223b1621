// The state file: written whole, atomically (temp file, fsync, rename), one write at a time and
// debounced, so a kill at any moment leaves either the previous or the next complete file.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PersistedState } from "./types.ts";

/** Name of the state file inside the data folder. */
export const STATE_FILE = "lake-state.json";

/** Reads the state file, or null when there is none. A corrupt file is an error, never ignored. */
export async function readState(dataDir: string): Promise<PersistedState | null> {
  const path = join(dataDir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const data = JSON.parse(text) as PersistedState;
  if (data.version !== 1)
    throw new Error(`${path}: unsupported state version ${String(data.version)}; run with --reset`);
  return data;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export type Persister = {
  /** Asks for a write soon (debounced); calls while a write runs coalesce into one more write. */
  schedule(): void;
  /** Writes now (after any running write) and resolves when the file is on disk. */
  flush(): Promise<void>;
  /**
   * Drops a pending (debounced) write and refuses every later one, as a `kill -9` would; a write
   * already running still lands (a kill just after its rename). For the simulated restart.
   */
  discard(): void;
};

/**
 * Creates the writer for `<dataDir>/lake-state.json`. `snapshot` is called at write time, so the
 * file always holds the latest state rather than the state at `schedule()` time.
 */
export function createPersister(
  dataDir: string,
  snapshot: () => PersistedState,
  debounceMs = 200,
): Persister {
  const path = join(dataDir, STATE_FILE);
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  // A big world (e.g. 10,000 seeded imports ≈ 10 MB) is written less often: ~1 s per 10 MB.
  let delayMs = debounceMs;
  let discarded = false;

  const write = (): Promise<void> => {
    chain = chain.then(async () => {
      if (!dirty || discarded) return;
      dirty = false;
      const text = JSON.stringify(snapshot());
      delayMs = Math.max(debounceMs, Math.round(text.length / 10_000));
      await writeAtomically(path, text);
    });
    chain = chain.catch((error: unknown) => {
      dirty = true;
      console.error("[lake] could not write state:", error);
    });
    return chain;
  };

  return {
    schedule() {
      if (discarded) return;
      dirty = true;
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void write();
      }, delayMs);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      dirty = true;
      return write();
    },
    discard() {
      discarded = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

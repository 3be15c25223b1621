// Guards StartImport: one start at a time per AWS account and Region (CloudTrail runs one import
// per account and refuses a second with AccountHasOngoingImportException, but only once the first
// is registered, so two quick calls could both get through), and a replayed submission answers
// with its first result instead of starting another import. Pure: the memory lives in a store.

/** How long a submission's result is remembered, so a replay returns it without calling AWS. */
export const SUBMISSION_TTL_MS = 10 * 60_000;
/** How long a claim holds when its holder never releases it (a crashed server). */
export const CLAIM_TTL_MS = 2 * 60_000;

/** Where the guard keeps its memory. Async, so a database can back it across replicas. */
export interface StartGuardStore<R> {
  /** Takes `key` for `owner` until `ttlMs` from now; false while another owner holds it. */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` back if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  /** Keeps the result of `submission` for `ttlMs`. */
  remember(submission: string, result: R, ttlMs: number): Promise<void>;
  /** The kept result of `submission`, unless it has expired. */
  recall(submission: string): Promise<R | undefined>;
}

const MAX_REMEMBERED = 10_000;

/**
 * A store in this process's memory, for tests and single-process tools. The app uses the database-backed
 * store (lib/actions/start-guard-store.ts), which every replica shares.
 */
export function memoryStartGuardStore<R>(now: () => number = Date.now): StartGuardStore<R> {
  const claims = new Map<string, { owner: string; expires: number }>();
  const remembered = new Map<string, { result: R; expires: number }>();
  return {
    claim(key, owner, ttlMs) {
      const held = claims.get(key);
      if (held && held.expires > now() && held.owner !== owner) return Promise.resolve(false);
      claims.set(key, { owner, expires: now() + ttlMs });
      return Promise.resolve(true);
    },
    release(key, owner) {
      if (claims.get(key)?.owner === owner) claims.delete(key);
      return Promise.resolve();
    },
    remember(submission, result, ttlMs) {
      if (remembered.size >= MAX_REMEMBERED) {
        for (const [k, entry] of remembered) if (entry.expires <= now()) remembered.delete(k);
        // Still full of live entries: drop the oldest (a Map keeps insertion order).
        const oldest = remembered.keys().next();
        if (remembered.size >= MAX_REMEMBERED && !oldest.done) remembered.delete(oldest.value);
      }
      remembered.set(submission, { result, expires: now() + ttlMs });
      return Promise.resolve();
    },
    recall(submission) {
      const entry = remembered.get(submission);
      if (entry && entry.expires <= now()) remembered.delete(submission);
      return Promise.resolve(entry && entry.expires > now() ? entry.result : undefined);
    },
  };
}

function logStoreError(step: string) {
  return (error: unknown) => {
    console.error(
      JSON.stringify({
        level: "error",
        msg: `start guard could not ${step} after StartImport answered`,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  };
}

/** What a guarded start came to: run now, answered from memory, or refused while another runs. */
export type GuardOutcome<R> =
  { kind: "started"; result: R } | { kind: "replayed"; result: R } | { kind: "busy" };

/**
 * A guard over `store`. `run(key, submission, start)` calls `start` only when `submission` has no
 * remembered result and `key` (account and Region) is free; results `keep` accepts are remembered.
 * Calls for one submission in this process share one attempt, so a double click sends one start.
 */
export function createStartGuard<R>(store: StartGuardStore<R>, keep: (result: R) => boolean) {
  const attempts = new Map<string, Promise<GuardOutcome<R>>>();

  async function attempt(
    key: string,
    submission: string,
    start: () => Promise<R>,
  ): Promise<GuardOutcome<R>> {
    const earlier = await store.recall(submission);
    if (earlier !== undefined) return { kind: "replayed", result: earlier };
    // One owner per attempt, not per submission: the same submission replayed on another replica while
    // this one runs must find the key taken, not extend this claim and start a second import.
    const owner = `${submission}#${crypto.randomUUID()}`;
    if (!(await store.claim(key, owner, CLAIM_TTL_MS))) return { kind: "busy" };
    let result: R;
    try {
      result = await start();
    } catch (error) {
      await store.release(key, owner).catch(logStoreError("release"));
      throw error;
    }
    // AWS has answered: losing the memory now must not lose the answer. Without it a replay reaches AWS
    // (which refuses a second import while this one runs) and the claim lapses after CLAIM_TTL_MS.
    if (keep(result))
      await store.remember(submission, result, SUBMISSION_TTL_MS).catch(logStoreError("remember"));
    await store.release(key, owner).catch(logStoreError("release"));
    return { kind: "started", result };
  }

  return {
    run(key: string, submission: string, start: () => Promise<R>): Promise<GuardOutcome<R>> {
      const running = attempts.get(submission);
      if (running) return running;
      const outcome = attempt(key, submission, start).finally(() => attempts.delete(submission));
      attempts.set(submission, outcome);
      return outcome;
    },
  };
}

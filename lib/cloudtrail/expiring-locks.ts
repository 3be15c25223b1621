import "server-only";

/** Proof of holding a lock; only the holder's release frees it. */
export type LockToken = symbol;

/**
 * Named in-process locks that free themselves after `ttlMs`, so a call that never returns (a stalled
 * connection, a bug) cannot refuse every later caller forever. Set the TTL above the longest time the
 * guarded work can take with its timeouts and retries. A release after expiry frees nothing that a newer
 * holder took.
 */
export function createExpiringLocks(ttlMs: number, now: () => number = Date.now) {
  const held = new Map<string, { token: LockToken; until: number }>();
  return {
    /** A token when `key` was free (or its holder's time ran out), else `null`. */
    tryAcquire(key: string): LockToken | null {
      const current = held.get(key);
      if (current && current.until > now()) return null;
      const token = Symbol(key);
      held.set(key, { token, until: now() + ttlMs });
      return token;
    },
    release(key: string, token: LockToken): void {
      if (held.get(key)?.token === token) held.delete(key);
    },
  };
}

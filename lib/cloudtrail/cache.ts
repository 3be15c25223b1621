import "server-only";

// Server-side caches for CloudTrail reads.
//
// Why: many people watch the same imports, and each open page polls. With a short TTL and
// in-flight de-duplication, twenty viewers polling one import cost one GetImport per TTL window.
//
// Identity in keys: cache keys for CloudTrail data do NOT include the caller. Every person
// reaches AWS through the same identity (the app's, or the one AWS_PER_USER_ROLE_ARN), and
// authorization is decided in the app, so the account's stores and imports look the same to
// everyone; per-user sessions exist for attribution (SourceIdentity), not for different views.
// What is per person is the AWS client itself (credentials, rate state): see client.ts.
// If per-person visibility is ever added (for example ABAC on the app-user session tag),
// prefix these keys with identityKey(caller).

export interface CacheOptions {
  maxEntries: number;
  ttlMs: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** A size-bounded map whose entries expire; reading an entry makes it most recently used. */
export function createLruCache<V>({ maxEntries, ttlMs, now = Date.now }: CacheOptions) {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: V, ttl: number = ttlMs): void {
      entries.delete(key);
      if (ttl <= 0) return;
      entries.set(key, { value, expiresAt: now() + ttl });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    delete(key: string): void {
      entries.delete(key);
    },
    deleteWhere(predicate: (key: string) => boolean): void {
      for (const key of [...entries.keys()]) if (predicate(key)) entries.delete(key);
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type LruCache<V> = ReturnType<typeof createLruCache<V>>;

/** Per-read options of a shared cache. */
export interface LoadOptions {
  /**
   * Serve only a value whose load started at most this long ago (joining a load in flight that
   * started within it); anything older is loaded again. For reads that must see a change just made.
   */
  maxAgeMs?: number;
}

/**
 * A TTL cache for async loads where concurrent callers of the same key share one upstream
 * promise. Failures are never cached. `ttlFor` picks a TTL per value (0 = don't keep it).
 */
export function createSharedCache<V>(options: CacheOptions) {
  const now = options.now ?? Date.now;
  const settled = createLruCache<{ value: V; startedAt: number }>(options);
  const inflight = new Map<string, { promise: Promise<V>; startedAt: number }>();
  const recent = (startedAt: number, maxAgeMs: number | undefined) =>
    maxAgeMs === undefined || now() - startedAt <= maxAgeMs;

  return {
    getOrLoad(
      key: string,
      load: () => Promise<V>,
      ttlFor?: (value: V) => number,
      { maxAgeMs }: LoadOptions = {},
    ): Promise<V> {
      const hit = settled.get(key);
      if (hit && recent(hit.startedAt, maxAgeMs)) return Promise.resolve(hit.value);
      const pending = inflight.get(key);
      if (pending && recent(pending.startedAt, maxAgeMs)) return pending.promise;

      const startedAt = now();
      const promise: Promise<V> = (async () => load())().then((value) => {
        // An invalidate() (or a fresher load) during the load means this value may be stale.
        if (inflight.get(key)?.promise === promise)
          settled.set(key, { value, startedAt }, ttlFor ? ttlFor(value) : options.ttlMs);
        return value;
      });
      inflight.set(key, { promise, startedAt });
      const forget = () => {
        if (inflight.get(key)?.promise === promise) inflight.delete(key);
      };
      promise.then(forget, forget);
      return promise;
    },
    /** Drops a key, including a load in flight (its result will be returned but not kept). */
    invalidate(key: string): void {
      settled.delete(key);
      inflight.delete(key);
    },
    invalidateWhere(predicate: (key: string) => boolean): void {
      settled.deleteWhere(predicate);
      for (const key of [...inflight.keys()]) if (predicate(key)) inflight.delete(key);
    },
  };
}

export type SharedCache<V> = ReturnType<typeof createSharedCache<V>>;

/**
 * One instance per server process, whichever bundle asks. Next bundles route handlers apart from
 * pages and actions, so a plain module-level cache exists once per bundle: an action's invalidation
 * would then miss the copy a polling route handler serves from.
 */
export function processWide<T>(name: string, make: () => T): T {
  const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
  const key = Symbol.for(`trail-imports.${name}`);
  if (!(key in registry)) registry[key] = make();
  return registry[key] as T;
}

import { describe, expect, it } from "vitest";
import { createLruCache, createSharedCache, processWide } from "./cache";

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createLruCache", () => {
  it("expires entries after their TTL", () => {
    const time = clock();
    const cache = createLruCache<string>({ maxEntries: 10, ttlMs: 100, now: time.now });
    cache.set("a", "A");
    time.advance(99);
    expect(cache.get("a")).toBe("A");
    time.advance(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = createLruCache<number>({ maxEntries: 2, ttlMs: 1_000 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("does not keep values with a TTL of zero", () => {
    const cache = createLruCache<number>({ maxEntries: 2, ttlMs: 1_000 });
    cache.set("a", 1, 0);
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("createSharedCache", () => {
  it("gives concurrent callers one upstream load", async () => {
    const cache = createSharedCache<string>({ maxEntries: 10, ttlMs: 1_000 });
    const upstream = deferred<string>();
    let calls = 0;
    const load = () => {
      calls += 1;
      return upstream.promise;
    };
    const viewers = Array.from({ length: 20 }, () => cache.getOrLoad("import-1", load));
    upstream.resolve("IN_PROGRESS");
    expect(await Promise.all(viewers)).toEqual(Array(20).fill("IN_PROGRESS"));
    expect(calls).toBe(1);
    expect(await cache.getOrLoad("import-1", load)).toBe("IN_PROGRESS");
    expect(calls).toBe(1);
  });

  it("reloads after the TTL and after invalidate", async () => {
    const time = clock();
    const cache = createSharedCache<number>({ maxEntries: 10, ttlMs: 100, now: time.now });
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.getOrLoad("k", load)).toBe(1);
    time.advance(100);
    expect(await cache.getOrLoad("k", load)).toBe(2);
    cache.invalidate("k");
    expect(await cache.getOrLoad("k", load)).toBe(3);
  });

  it("never caches a failure, and shares it with everyone waiting", async () => {
    const cache = createSharedCache<number>({ maxEntries: 10, ttlMs: 1_000 });
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("ThrottlingException");
    };
    const results = await Promise.allSettled([
      cache.getOrLoad("k", failing),
      cache.getOrLoad("k", failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    expect(await cache.getOrLoad("k", async () => 7)).toBe(7);
  });

  it("turns a synchronous throw in the loader into a rejection", async () => {
    const cache = createSharedCache<number>({ maxEntries: 10, ttlMs: 1_000 });
    const load = (): Promise<number> => {
      throw new Error("boom");
    };
    await expect(cache.getOrLoad("k", load)).rejects.toThrow("boom");
  });

  it("uses ttlFor per value, where 0 means don't keep", async () => {
    const cache = createSharedCache<string | null>({ maxEntries: 10, ttlMs: 1_000 });
    let calls = 0;
    const load = async () => (++calls === 1 ? null : "alice@example.test");
    const ttlFor = (value: string | null) => (value === null ? 0 : 1_000);
    expect(await cache.getOrLoad("k", load, ttlFor)).toBeNull();
    expect(await cache.getOrLoad("k", load, ttlFor)).toBe("alice@example.test");
    expect(await cache.getOrLoad("k", load, ttlFor)).toBe("alice@example.test");
    expect(calls).toBe(2);
  });

  it("does not store a value whose key was invalidated while it loaded", async () => {
    const cache = createSharedCache<string>({ maxEntries: 10, ttlMs: 1_000 });
    const stale = deferred<string>();
    const first = cache.getOrLoad("k", () => stale.promise);
    cache.invalidate("k"); // e.g. StopImport finished while GetImport was in flight
    stale.resolve("IN_PROGRESS");
    expect(await first).toBe("IN_PROGRESS");
    expect(await cache.getOrLoad("k", async () => "STOPPED")).toBe("STOPPED");
  });
  it("with maxAgeMs, reloads a value loaded too long ago and keeps the newer one", async () => {
    const time = clock();
    const cache = createSharedCache<string>({ maxEntries: 10, ttlMs: 10_000, now: time.now });
    expect(await cache.getOrLoad("k", async () => "RETRY")).toBe("RETRY");
    time.advance(1_500);
    const fresh = { maxAgeMs: 1_000 };
    expect(await cache.getOrLoad("k", async () => "SUCCEEDED", undefined, fresh)).toBe("SUCCEEDED");
    // Plain readers now get the fresher value, and a fresh reader right after shares it.
    expect(await cache.getOrLoad("k", async () => "unused")).toBe("SUCCEEDED");
    expect(await cache.getOrLoad("k", async () => "unused", undefined, fresh)).toBe("SUCCEEDED");
  });

  it("with maxAgeMs, joins a recent load in flight but not an old one", async () => {
    const time = clock();
    const cache = createSharedCache<string>({ maxEntries: 10, ttlMs: 10_000, now: time.now });
    const old = deferred<string>();
    const first = cache.getOrLoad("k", () => old.promise);
    time.advance(2_000);
    const newer = deferred<string>();
    const second = cache.getOrLoad("k", () => newer.promise, undefined, { maxAgeMs: 1_000 });
    let calls = 0;
    const third = cache.getOrLoad(
      "k",
      async () => {
        calls += 1;
        return "unused";
      },
      undefined,
      { maxAgeMs: 1_000 },
    );
    newer.resolve("SUCCEEDED");
    old.resolve("RETRY");
    expect(await Promise.all([first, second, third])).toEqual(["RETRY", "SUCCEEDED", "SUCCEEDED"]);
    expect(calls).toBe(0);
    // The older load finished last, but the newer one is what stays cached.
    expect(await cache.getOrLoad("k", async () => "unused")).toBe("SUCCEEDED");
  });
});

describe("processWide", () => {
  it("hands every caller of a name the same instance, as two bundles of one module would need", () => {
    let made = 0;
    const make = () => {
      made += 1;
      return createSharedCache<string>({ maxEntries: 1, ttlMs: 1_000 });
    };
    const fromRouteBundle = processWide("test-cache-shared", make);
    const fromActionBundle = processWide("test-cache-shared", make);
    expect(fromActionBundle).toBe(fromRouteBundle);
    expect(made).toBe(1);
    expect(processWide("test-cache-other", make)).not.toBe(fromRouteBundle);
  });
});

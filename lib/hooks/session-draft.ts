"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * A form draft kept in sessionStorage under `key`, as a hook: it survives reloads and a sign-in
 * round trip in the same tab and is gone when the tab closes. When storage is off (privacy
 * settings, sandboxed iframes) the draft lives in memory for the page's lifetime instead.
 * `parse` turns the stored text (or `null`) into a draft and must never throw.
 */
export function createSessionDraft<T extends object>(
  key: string,
  parse: (raw: string | null) => T,
) {
  let memoryRaw: string | null = null;
  let cached: { raw: string | null; draft: T } | undefined;
  const listeners = new Set<() => void>();

  function readRaw(): string | null {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return memoryRaw;
    }
  }

  function writeRaw(raw: string | null): void {
    memoryRaw = raw;
    try {
      if (raw === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, raw);
    } catch {
      // memoryRaw holds it.
    }
    for (const listener of listeners) listener();
  }

  function getSnapshot(): T {
    const raw = readRaw();
    // Same text, same object: useSyncExternalStore needs a stable snapshot.
    if (!cached || cached.raw !== raw) cached = { raw, draft: parse(raw) };
    return cached.draft;
  }

  const getServerSnapshot = (): T | null => null;

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** `draft` is `null` while server-rendering and hydrating (the server has no sessionStorage). */
  return function useSessionDraft(): {
    draft: T | null;
    update: (patch: Partial<T>) => void;
    clear: () => void;
  } {
    const draft = useSyncExternalStore<T | null>(subscribe, getSnapshot, getServerSnapshot);
    const update = useCallback((patch: Partial<T>) => {
      writeRaw(JSON.stringify({ ...getSnapshot(), ...patch }));
    }, []);
    const clear = useCallback(() => writeRaw(null), []);
    return { draft, update, clear };
  };
}

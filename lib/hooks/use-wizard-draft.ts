"use client";

import { useCallback, useSyncExternalStore } from "react";
import { WIZARD_DRAFT_KEY, type WizardDraft, parseWizardDraft } from "@/lib/imports/wizard-draft";

// sessionStorage as an external store. When storage is off (privacy settings, sandboxed iframes)
// the draft lives in memory for the page's lifetime instead.
let memoryRaw: string | null = null;
let cached: { raw: string | null; draft: WizardDraft } | undefined;
const listeners = new Set<() => void>();

function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(WIZARD_DRAFT_KEY);
  } catch {
    return memoryRaw;
  }
}

function writeRaw(raw: string | null): void {
  memoryRaw = raw;
  try {
    if (raw === null) window.sessionStorage.removeItem(WIZARD_DRAFT_KEY);
    else window.sessionStorage.setItem(WIZARD_DRAFT_KEY, raw);
  } catch {
    // memoryRaw holds it.
  }
  for (const listener of listeners) listener();
}

function getSnapshot(): WizardDraft {
  const raw = readRaw();
  // Same text, same object: useSyncExternalStore needs a stable snapshot.
  if (!cached || cached.raw !== raw) cached = { raw, draft: parseWizardDraft(raw) };
  return cached.draft;
}

function getServerSnapshot(): WizardDraft | null {
  return null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The new-import draft in sessionStorage: it survives reloads and a sign-in round trip in the
 * same tab and is gone when the tab closes. `draft` is `null` while server-rendering and
 * hydrating (the server has no sessionStorage). `update` merges and saves; `clear` forgets it.
 */
export function useWizardDraft(): {
  draft: WizardDraft | null;
  update: (patch: Partial<WizardDraft>) => void;
  clear: () => void;
} {
  const draft = useSyncExternalStore<WizardDraft | null>(subscribe, getSnapshot, getServerSnapshot);
  const update = useCallback((patch: Partial<WizardDraft>) => {
    writeRaw(JSON.stringify({ ...getSnapshot(), ...patch }));
  }, []);
  const clear = useCallback(() => writeRaw(null), []);
  return { draft, update, clear };
}

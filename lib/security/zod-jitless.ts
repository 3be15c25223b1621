// Side-effect module: import it before anything that builds zod schemas in the browser.
// zod 4 probes for eval (`new Function("")`) the first time it builds an object schema; under the app's
// CSP (no 'unsafe-eval') that probe is blocked and Chrome logs a "Content security policy" issue even though
// zod swallows the error (Lighthouse best-practices/inspector-issues). In jitless mode zod skips the probe.
// zod keeps its config on globalThis.__zod_globalConfig and keeps an existing object, so setting it here
// needs no zod import (and ships no zod to pages that do not use it). The server keeps zod's fast path.

type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };

if (typeof window !== "undefined") {
  const target = globalThis as ZodGlobal;
  target.__zod_globalConfig = { ...target.__zod_globalConfig, jitless: true };
}

export {};

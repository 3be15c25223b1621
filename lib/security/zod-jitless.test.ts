import { afterEach, describe, expect, it, vi } from "vitest";

type ZodGlobal = { __zod_globalConfig?: Record<string, unknown> };
const target = globalThis as ZodGlobal;
/** Read through a call so TypeScript does not narrow the global away after `delete`. */
const zodConfig = (): Record<string, unknown> | undefined => target.__zod_globalConfig;

describe("zod-jitless", () => {
  const saved = target.__zod_globalConfig;
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    if (saved) target.__zod_globalConfig = saved;
    else delete target.__zod_globalConfig;
  });

  it("puts zod in jitless mode in the browser, so object schemas never probe eval (blocked by the CSP)", async () => {
    delete target.__zod_globalConfig;
    vi.stubGlobal("window", {});
    const probe = vi.fn();
    vi.stubGlobal(
      "Function",
      new Proxy(Function, { construct: (...args) => (probe(), Reflect.construct(...args)) }),
    );
    await import("./zod-jitless");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.string() }).parse({ a: "x" })).toEqual({ a: "x" });
    expect(probe).not.toHaveBeenCalled();
  });

  it("leaves the server on zod's fast path", async () => {
    delete target.__zod_globalConfig;
    await import("./zod-jitless");
    expect(zodConfig()?.jitless).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { actionOk } from "@/lib/actions/types";
import { type ActionDeps, buildAction } from "./action-pipeline";
import { createRateLimiter } from "./rate-limit";
import type { AppUser } from "./user";

const alice: AppUser = {
  id: "alice",
  name: "Alice Operator",
  email: "alice@example.test",
  roles: ["operator", "viewer"],
};
const bob: AppUser = {
  id: "bob",
  name: "Bob Viewer",
  email: "bob@example.test",
  roles: ["viewer"],
};

const schema = z
  .object({ importId: z.string().length(36, "must be an import ID"), note: z.string().optional() })
  .strict();

/** Builds an action whose handler records every call, so tests can prove it did or did not run. */
function setup(
  user: AppUser | null,
  extra: Partial<ActionDeps> = {},
  role: "operator" | "viewer" = "operator",
) {
  const calls: unknown[] = [];
  const refused: string[] = [];
  const action = buildAction(
    { getUser: async () => user, onRefused: ({ code }) => refused.push(code), ...extra },
    { schema, role, name: "stop-import" },
    async (input, who) => {
      calls.push({ input, who: who.id });
      return actionOk({ stopped: input.importId }, "Stopping.");
    },
  );
  return { action, calls, refused };
}

const VALID = { importId: "a".repeat(36) };

describe("buildAction", () => {
  it("checks the session before looking at the input", async () => {
    const { action, calls, refused } = setup(null);
    const result = await action({ garbage: true });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(calls).toHaveLength(0);
    expect(refused).toEqual(["unauthenticated"]);
  });

  it("checks the role before looking at the input", async () => {
    const { action, calls, refused } = setup(bob);
    expect(await action({ garbage: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await action(VALID)).toMatchObject({ ok: false, code: "forbidden" });
    expect(calls).toHaveLength(0);
    expect(refused).toEqual(["forbidden", "forbidden"]);
  });

  it("lets viewers run viewer actions", async () => {
    const { action } = setup(bob, {}, "viewer");
    expect(await action(VALID)).toMatchObject({ ok: true });
  });

  it("returns field errors for invalid input without running the handler or echoing the input", async () => {
    const { action, calls } = setup(alice);
    const result = await action({ importId: "secret-looking-value", extra: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.fieldErrors?.importId).toEqual(["must be an import ID"]);
    expect(JSON.stringify(result)).not.toContain("secret-looking-value");
    expect(calls).toHaveLength(0);
  });

  it("reports unknown keys of a strict schema as a form-level error", async () => {
    const { action } = setup(alice);
    const result = await action({ ...VALID, extra: "x" });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(result.error).toMatch(/extra/);
  });

  it("runs the handler with parsed input and the user", async () => {
    const { action, calls } = setup(alice);
    expect(await action(VALID)).toEqual({
      ok: true,
      data: { stopped: VALID.importId },
      message: "Stopping.",
    });
    expect(calls).toEqual([{ input: VALID, who: "alice" }]);
  });

  it("accepts FormData from a plain <form action>", async () => {
    const { action, calls } = setup(alice);
    const form = new FormData();
    form.set("importId", VALID.importId);
    expect(await action(form)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it("rate-limits per user before parsing", async () => {
    const limiter = createRateLimiter({ capacity: 2, refillMs: 60_000 }, () => 0);
    const { action, calls, refused } = setup(alice, { limiter });
    await action(VALID);
    await action({ garbage: true });
    expect(await action(VALID)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(calls).toHaveLength(1);
    expect(refused).toEqual(["invalid", "rate_limited"]);
  });

  it("reports refused input to the audit log by field name, never by value", async () => {
    const events: { code: string; fields?: string[] }[] = [];
    const action = buildAction(
      { getUser: async () => alice, onRefused: (event) => events.push(event) },
      { schema, role: "operator", name: "stop-import" },
      async () => actionOk(null),
    );
    await action({ importId: "<script>secret</script>" });
    expect(events).toEqual([
      expect.objectContaining({ code: "invalid", fields: ["importId"], name: "stop-import" }),
    ]);
    expect(JSON.stringify(events)).not.toContain("secret");
  });

  it("does not rate-limit actions that opt out", async () => {
    const limiter = createRateLimiter({ capacity: 1, refillMs: 60_000 }, () => 0);
    const action = buildAction(
      { getUser: async () => alice, limiter },
      { schema, role: "viewer", rateLimit: false },
      async () => actionOk(null),
    );
    expect(
      (await Promise.all([action(VALID), action(VALID), action(VALID)])).every((r) => r.ok),
    ).toBe(true);
  });

  it("lets handler bugs propagate instead of turning them into results", async () => {
    const action = buildAction(
      { getUser: async () => alice },
      { schema, role: "operator" },
      async () => {
        throw new Error("bug");
      },
    );
    await expect(action(VALID)).rejects.toThrow("bug");
  });
});

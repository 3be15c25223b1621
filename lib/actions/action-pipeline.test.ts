import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AuditEntry } from "@/lib/audit";
import type { RateLimiter } from "@/lib/auth/rate-limit";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import type { AppUser } from "@/lib/auth/user";
import { type ActionDeps, buildAction } from "./action-pipeline";
import { actionError, actionOk } from "./types";

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
  extra: Partial<ActionDeps<never>> = {},
  role: "operator" | "viewer" = "operator",
) {
  const calls: unknown[] = [];
  const lines: AuditEntry[] = [];
  const refused = () => lines.filter((line) => line.result !== "ok").map((line) => line.result);
  const action = buildAction(
    { getUser: async () => user, audit: (entry) => lines.push(entry), ...extra },
    {
      name: "stop-import",
      schema,
      role,
      operation: "stopImport",
      handler: async (input, { user: who, note }) => {
        calls.push({ input, who: who.id });
        note({ importId: input.importId, detail: { region: "us-east-1" } });
        note({ detail: { status: "STOPPED" } });
        return actionOk({ stopped: input.importId }, "Stopping.");
      },
    },
  );
  return { action, calls, refused, lines };
}

const VALID = { importId: "a".repeat(36) };

/** A budget of `limit` calls in all (the counting itself is tested against a database). */
function budget(limit: number): RateLimiter {
  let taken = 0;
  return { take: async () => ++taken <= limit };
}

describe("buildAction", () => {
  it("checks the session before looking at the input", async () => {
    const { action, calls, refused } = setup(null);
    const result = await action({ garbage: true });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(calls).toHaveLength(0);
    expect(refused()).toEqual(["unauthenticated"]);
  });

  it("checks the role before looking at the input", async () => {
    const { action, calls, refused } = setup(bob);
    expect(await action({ garbage: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await action(VALID)).toMatchObject({ ok: false, code: "forbidden" });
    expect(calls).toHaveLength(0);
    expect(refused()).toEqual(["forbidden", "forbidden"]);
  });

  it("lets viewers run viewer actions", async () => {
    const { action } = setup(bob, {}, "viewer");
    expect(await action(VALID)).toMatchObject({ ok: true });
  });

  it("returns field errors for invalid input without running the handler or echoing the input", async () => {
    const { action, calls, lines } = setup(alice);
    const result = await action({ importId: "secret-looking-value", extra: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.fieldErrors?.importId).toEqual(["must be an import ID"]);
    expect(JSON.stringify(result)).not.toContain("secret-looking-value");
    expect(calls).toHaveLength(0);
    // Audited as refused, by field name: the value never reaches the log.
    expect(lines).toEqual([expect.objectContaining({ result: "invalid" })]);
    expect(JSON.stringify(lines)).not.toContain("secret-looking-value");
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
    const limiter = budget(2);
    const { action, calls, refused } = setup(alice, { limiter });
    await action(VALID);
    await action({ garbage: true });
    expect(await action(VALID)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(calls).toHaveLength(1);
    expect(refused()).toEqual(["invalid", "rate_limited"]);
  });

  it("audits refused input by field name, never by the values sent", async () => {
    const { action, calls, lines } = setup(alice);
    await action({ importId: "<script>secret</script>" });
    expect(calls).toHaveLength(0);
    expect(lines).toEqual([
      expect.objectContaining({
        action: "stop-import",
        result: "invalid",
        detail: { fields: "importId" },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("refuses with the mapped answer, before the handler, when the budget cannot be checked", async () => {
    const down: RateLimiter = {
      take: () => Promise.reject(new DatabaseUnavailableError("ECONNREFUSED")),
    };
    const { action, calls, lines } = setup(alice, {
      limiter: down,
      mapError: (error) =>
        error instanceof DatabaseUnavailableError
          ? { failure: actionError("database_unavailable", "No database.") }
          : undefined,
    });
    expect(await action(VALID)).toMatchObject({ ok: false, code: "database_unavailable" });
    expect(calls).toHaveLength(0);
    expect(lines).toEqual([
      expect.objectContaining({
        actor: { id: "alice", email: "alice@example.test", role: "operator" },
        result: "database_unavailable",
        message: "No database.",
      }),
    ]);
  });

  it("does not rate-limit actions that opt out", async () => {
    const limiter = budget(1);
    const action = buildAction(
      { getUser: async () => alice, limiter },
      {
        name: "read",
        schema,
        role: "viewer",
        operation: "getImport",
        rateLimit: false,
        handler: async () => actionOk(null),
      },
    );
    expect(
      (await Promise.all([action(VALID), action(VALID), action(VALID)])).every((r) => r.ok),
    ).toBe(true);
  });

  it("lets handler bugs propagate instead of turning them into results", async () => {
    const action = buildAction(
      { getUser: async () => alice, mapError: () => undefined },
      {
        name: "stop-import",
        schema,
        role: "operator",
        operation: "stopImport",
        handler: async () => {
          throw new Error("bug");
        },
      },
    );
    await expect(action(VALID)).rejects.toThrow("bug");
  });

  it("audits the outcome with the facts the handler noted", async () => {
    const { action, lines } = setup(alice);
    await action(VALID);
    expect(lines).toEqual([
      {
        actor: { id: "alice", email: alice.email, role: "operator" },
        action: "stop-import",
        result: "ok",
        importId: VALID.importId,
        detail: { region: "us-east-1", status: "STOPPED" },
      },
    ]);
  });

  it("turns what the data layer threw into the mapped failure, audited with its facts", async () => {
    const lines: AuditEntry[] = [];
    const action = buildAction(
      {
        getUser: async () => alice,
        audit: (entry) => lines.push(entry),
        mapError: (error, operation) => ({
          failure: actionError("aws", `${operation}: ${String(error)}`, undefined, 7),
          facts: { detail: { awsCode: "ThrottlingException" } },
        }),
      },
      {
        name: "stop-import",
        schema,
        role: "operator",
        operation: "stopImport",
        handler: async (input, { note }) => {
          note({ importId: input.importId });
          throw new Error("throttled");
        },
      },
    );
    expect(await action(VALID)).toEqual({
      ok: false,
      code: "aws",
      error: "stopImport: Error: throttled",
      detail: 7,
    });
    expect(lines).toEqual([
      expect.objectContaining({
        result: "aws",
        importId: VALID.importId,
        detail: { awsCode: "ThrottlingException" },
      }),
    ]);
  });
});

import { z } from "zod";
import type { AuditEntry } from "@/lib/audit";
import { type AppRole, hasRole, highestRole } from "@/lib/auth/roles";
import type { RateLimiter } from "@/lib/auth/rate-limit";
import type { AppUser } from "@/lib/auth/user";
import type { CloudTrailOperation } from "@/lib/cloudtrail/error-messages";
import { type ActionFailure, type ActionResult, actionError } from "./types";

/** Facts about one call for its audit line: the import it touched and small scalar details. */
export type AuditFacts = { importId?: string; detail?: AuditEntry["detail"] };

/** What a handler gets besides its parsed input. */
export interface ActionContext<D> {
  /** Signed in, and holding the action's role. */
  user: AppUser;
  /** Adds facts to the call's audit line (later facts win). */
  note: (facts: AuditFacts) => void;
  /** The expected failure for an error the data layer threw; anything unmappable is rethrown. */
  failure: (error: unknown) => ActionFailure<D>;
}

/** One server action: who may call it, what it accepts, and its body. */
export interface ActionDefinition<S extends z.ZodType, T, D> {
  /** Short verb-noun for audit lines, e.g. `start-import`. */
  name: string;
  /** Parses the raw input; use a strict object so unexpected fields are refused. */
  schema: S;
  /** The role the caller needs. Every action states it, so nothing is callable by accident. */
  role: AppRole;
  /**
   * The CloudTrail operation the body calls, so a mapped failure says what was being done.
   * Absent for actions that only touch the app's database.
   */
  operation?: CloudTrailOperation;
  /** Set false for read-only actions; mutations are rate-limited per user by default. */
  rateLimit?: boolean;
  handler: (input: z.output<S>, context: ActionContext<D>) => Promise<ActionResult<T, D>>;
}

/** Everything the pipeline needs from the outside world, injected so it runs without next-auth. */
export interface ActionDeps<D> {
  getUser: () => Promise<AppUser | null>;
  /** Per-user budget; when it cannot be checked (a database outage), `mapError` decides the answer. */
  limiter?: RateLimiter;
  /** Receives one line per call that reached a decision: refused, failed or done. */
  audit?: (entry: AuditEntry) => void;
  /** Maps a thrown error to an expected failure and its audit facts, or returns undefined for a bug. */
  mapError?: (
    error: unknown,
    operation: CloudTrailOperation | undefined,
  ) => { failure: ActionFailure<D>; facts?: AuditFacts } | undefined;
}

/** FormData from `<form action>` becomes a plain object; repeated keys become arrays. */
function toPlainInput(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const key of new Set(raw.keys())) {
    const values = raw.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function invalidInput<D>(error: z.ZodError): ActionFailure<D> {
  const { formErrors, fieldErrors } = z.flattenError(error);
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages) && messages.length > 0)
      fields[key] = messages.filter((m) => typeof m === "string");
  }
  // Messages come from the schema, never from the input, so nothing the caller sent is echoed.
  const message = formErrors.length > 0 ? formErrors.join(" ") : "Some fields need attention.";
  return actionError("invalid", message, fields);
}

/**
 * Wraps an action body in a fixed order: authenticate → authorize the role → rate-limit → parse
 * → run → audit the outcome. The session comes first so nobody learns anything about the input
 * rules without one; the handler only ever sees a signed-in, authorized user and parsed input.
 * Errors the body throws are mapped by `deps.mapError`; unmappable ones are bugs and propagate
 * (to `error.tsx`).
 */
export function buildAction<S extends z.ZodType, T, D>(
  deps: ActionDeps<D>,
  definition: ActionDefinition<S, T, D>,
): (raw: unknown) => Promise<ActionResult<T, D>> {
  const { name, role, schema, operation } = definition;
  const finish = (user: AppUser | null, result: ActionResult<T, D>, facts: AuditFacts = {}) => {
    const role = user ? highestRole(user.roles) : undefined;
    deps.audit?.({
      actor: user ? { id: user.id, email: user.email, ...(role ? { role } : {}) } : null,
      action: name,
      result: result.ok ? "ok" : result.code,
      ...(result.ok ? {} : { message: result.error }),
      ...facts,
    });
    return result;
  };
  return async (raw) => {
    const user = await deps.getUser();
    if (!user)
      return finish(
        null,
        actionError("unauthenticated", "Your session has ended. Sign in again to continue."),
      );
    if (!hasRole(user.roles, role))
      return finish(
        user,
        actionError("forbidden", `This needs the ${role} role, which your account does not have.`),
      );
    if (definition.rateLimit !== false && deps.limiter) {
      let allowed: boolean;
      try {
        allowed = await deps.limiter.take(user.id);
      } catch (error) {
        // A budget that cannot be checked refuses: the action must not reach AWS unmetered.
        const mapped = deps.mapError?.(error, operation);
        if (!mapped) throw error;
        return finish(user, mapped.failure, mapped.facts);
      }
      if (!allowed)
        return finish(
          user,
          actionError(
            "rate_limited",
            "Too many requests in a short time. Wait a few seconds and try again.",
          ),
        );
    }
    const parsed = schema.safeParse(toPlainInput(raw));
    if (!parsed.success) {
      const refused = invalidInput<D>(parsed.error);
      // Refused input is audited by field name only, never by the values sent.
      const fields = Object.keys(refused.fieldErrors ?? {})
        .join(",")
        .slice(0, 200);
      return finish(user, refused, { detail: { fields: fields || "(form)" } });
    }

    let facts: AuditFacts = {};
    const note = (more: AuditFacts) => {
      facts = {
        ...facts,
        ...more,
        ...(facts.detail || more.detail ? { detail: { ...facts.detail, ...more.detail } } : {}),
      };
    };
    const failure = (error: unknown): ActionFailure<D> => {
      const mapped = deps.mapError?.(error, operation);
      if (!mapped) throw error;
      note(mapped.facts ?? {});
      return mapped.failure;
    };
    let result: ActionResult<T, D>;
    try {
      result = await definition.handler(parsed.data, { user, note, failure });
    } catch (error) {
      result = failure(error);
    }
    return finish(user, result, facts);
  };
}

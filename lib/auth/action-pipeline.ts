import { z } from "zod";
import { type ActionErrorCode, type ActionResult, actionError } from "@/lib/actions/types";
import { type AppRole, hasRole } from "./roles";
import type { RateLimiter } from "./rate-limit";
import type { AppUser } from "./user";

export type ActionOptions<S extends z.ZodType> = {
  /** Parses the raw input; use `.strict()` so unexpected fields are refused. */
  schema: S;
  /** The role the caller needs. Every action states it, so nothing is callable by accident. */
  role: AppRole;
  /** Short name for audit lines about refused calls, e.g. `start-import`. */
  name?: string;
  /** Set false for read-only actions; mutations are rate-limited per user by default. */
  rateLimit?: boolean;
};

export type ActionHandler<S extends z.ZodType, T> = (
  input: z.output<S>,
  user: AppUser,
) => Promise<ActionResult<T>>;

/** Everything the pipeline needs from the outside world, injected so it can be tested without next-auth. */
export type ActionDeps = {
  getUser: () => Promise<AppUser | null>;
  limiter?: RateLimiter;
  /** Called for refused calls (no session, wrong role, rate limited, invalid input) for the audit log. */
  onRefused?: (event: {
    name: string | undefined;
    user: AppUser | null;
    code: ActionErrorCode;
    /** For invalid input: the fields that failed (names only, never the values sent). */
    fields?: string[];
  }) => void;
};

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

/**
 * Wraps an action body in the fixed order of style guide §2 / notes (f):
 * authenticate → authorize role → rate-limit → parse → run. The handler only ever sees a signed-in,
 * authorized user and parsed input. Thrown errors are bugs and propagate (to `error.tsx`).
 */
export function buildAction<S extends z.ZodType, T>(
  deps: ActionDeps,
  options: ActionOptions<S>,
  handler: ActionHandler<S, T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    const user = await deps.getUser();
    if (!user) {
      deps.onRefused?.({ name: options.name, user: null, code: "unauthenticated" });
      return actionError("unauthenticated", "Your session has ended. Sign in again to continue.");
    }
    if (!hasRole(user.roles, options.role)) {
      deps.onRefused?.({ name: options.name, user, code: "forbidden" });
      return actionError(
        "forbidden",
        `This needs the ${options.role} role, which your account does not have.`,
      );
    }
    if (options.rateLimit !== false && deps.limiter && !deps.limiter.take(user.id)) {
      deps.onRefused?.({ name: options.name, user, code: "rate_limited" });
      return actionError(
        "rate_limited",
        "Too many requests in a short time. Wait a few seconds and try again.",
      );
    }
    const parsed = options.schema.safeParse(toPlainInput(raw));
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error);
      const fields: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(fieldErrors)) {
        if (Array.isArray(messages) && messages.length > 0)
          fields[key] = messages.filter((m) => typeof m === "string");
      }
      deps.onRefused?.({
        name: options.name,
        user,
        code: "invalid",
        fields: formErrors.length > 0 ? ["(form)", ...Object.keys(fields)] : Object.keys(fields),
      });
      // Messages come from the schema, never from the input, so nothing the caller sent is echoed.
      const error = formErrors.length > 0 ? formErrors.join(" ") : "Some fields need attention.";
      return actionError("invalid", error, fields);
    }
    return handler(parsed.data, user);
  };
}

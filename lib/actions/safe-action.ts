import "server-only";
import type { z } from "zod";
import { type ActionHandler, type ActionOptions, buildAction } from "@/lib/auth/action-pipeline";
import { currentUser } from "@/lib/auth/guard";
import { ACTION_RATE_LIMIT, createRateLimiter } from "@/lib/auth/rate-limit";
import { audit } from "@/lib/audit";
import type { ActionResult } from "./types";

export { actionError, actionOk } from "./types";

// One bucket set per server instance (see createRateLimiter for what that implies with replicas).
const limiter = createRateLimiter(ACTION_RATE_LIMIT);

/**
 * Defines a server action: checks the session first, then the role, the per-user rate limit and the input,
 * and only then runs `handler`. Use it as the whole export of a `"use server"` file:
 * @example export const stopImportAction = createAction({ schema: stopImportSchema, role: "operator", name: "stop-import" },
 *   async (input, user) => { … return actionOk(result); });
 */
export function createAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: ActionHandler<S, T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return buildAction(
    {
      getUser: currentUser,
      limiter,
      onRefused: ({ name, user, code, fields }) =>
        audit({
          actor: user ? { id: user.id, email: user.email } : null,
          action: name ?? "action",
          result: code,
          ...(fields ? { detail: { fields: fields.join(",").slice(0, 200) } } : {}),
        }),
    },
    options,
    handler,
  );
}

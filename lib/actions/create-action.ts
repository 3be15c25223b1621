import "server-only";
import { after } from "next/server";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { currentUser } from "@/lib/auth/guard";
import { ACTION_RATE_LIMIT, createRateLimiter } from "@/lib/auth/rate-limit";
import { rateLimitStore } from "@/lib/db/rate-limits";
import { type ActionDefinition, buildAction } from "./action-pipeline";
import { actionFailure } from "./aws-failure";
import type { AwsActionResult, AwsFailureDetail } from "./types";

// Counted in the database, so all replicas share one budget per person; unreachable, it refuses the action.
const limiter = createRateLimiter("action", ACTION_RATE_LIMIT, rateLimitStore());

/**
 * Defines a server action from its definition: session → role → per-user rate limit → parse →
 * handler → audit line and activity entry (written after the response) → AWS and database errors
 * mapped to our sentences.
 * Use it as the whole export of a `"use server"` file:
 * @example export const stopImportAction = createAction(stopImportDefinition);
 */
export function createAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T, AwsFailureDetail>,
): (raw: unknown) => Promise<AwsActionResult<T>> {
  return buildAction(
    {
      getUser: currentUser,
      limiter,
      audit: (entry) => after(() => audit(entry)),
      mapError: actionFailure,
    },
    definition,
  );
}

import "server-only";
import { after } from "next/server";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { currentUser } from "@/lib/auth/guard";
import { ACTION_RATE_LIMIT, createRateLimiter } from "@/lib/auth/rate-limit";
import { type ActionDefinition, buildAction } from "./action-pipeline";
import { awsFailure } from "./aws-failure";
import type { AwsActionResult, AwsFailureDetail } from "./types";

// One bucket set per server instance (see createRateLimiter for what that implies with replicas).
const limiter = createRateLimiter(ACTION_RATE_LIMIT);

/**
 * Defines a server action from its definition: session → role → per-user rate limit → parse →
 * handler → audit line (written after the response) → AWS errors mapped to our sentences.
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
      mapError: awsFailure,
    },
    definition,
  );
}

import "server-only";
import { after } from "next/server";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { currentUser } from "@/lib/auth/guard";
import { DATABASE_UNAVAILABLE_MESSAGE, unavailableReason } from "@/lib/db/errors";
import { ACTION_RATE_LIMIT, createRateLimiter } from "@/lib/auth/rate-limit";
import { type ActionDefinition, buildAction } from "./action-pipeline";
import { awsFailure } from "./aws-failure";
import { type AwsActionResult, type AwsFailureDetail, actionError } from "./types";

// One bucket set per server instance (see createRateLimiter for what that implies with replicas).
const limiter = createRateLimiter(ACTION_RATE_LIMIT);

function databaseFailure(error: unknown) {
  const reason = unavailableReason(error);
  if (reason === undefined) return undefined;
  return {
    failure: actionError<AwsFailureDetail>("unavailable", DATABASE_UNAVAILABLE_MESSAGE),
    facts: { detail: { database: reason } },
  };
}

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
      // An action without a CloudTrail operation only touches the database: an unreachable
      // database is an expected failure, anything else a bug.
      mapError: (error, operation) =>
        operation ? awsFailure(error, operation) : databaseFailure(error),
    },
    definition,
  );
}

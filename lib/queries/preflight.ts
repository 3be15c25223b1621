// Query keys and options for the import preflight. The wizard asks POST /api/preflight (a read,
// posted because the request is a whole import); every step and the review share these.
import { queryOptions } from "@tanstack/react-query";
import { apiUrl } from "@/lib/api-url";
import {
  preflightQuerySchema,
  type PreflightQueryInput,
  type PreflightResult,
  type PreflightStep,
} from "@/lib/schemas/preflight";
import { toImportInput } from "@/lib/imports/wizard-draft";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import { ApiError } from "./imports";

/** Key factory: all → check(query). */
export const preflightKeys = {
  all: ["preflight"] as const,
  check: (query: PreflightQueryInput) => [...preflightKeys.all, query] as const,
};

async function postPreflight(query: PreflightQueryInput, signal: AbortSignal) {
  const res = await fetch(apiUrl("/api/preflight"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(query),
    cache: "no-store",
    signal,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const fields = (typeof body === "object" && body !== null ? body : {}) as {
      error?: unknown;
      message?: unknown;
    };
    throw new ApiError(
      res.status,
      typeof fields.error === "string" ? fields.error : "error",
      typeof fields.message === "string"
        ? fields.message
        : `The server answered ${res.status}. Try again.`,
    );
  }
  return body as PreflightResult;
}

/**
 * The query a wizard step sends, or `null` while the fields its checks read aren't valid yet
 * (the same schema the route parses, so the browser never sends what the server would refuse).
 */
export function preflightQueryFor(
  step: PreflightStep,
  values: WizardValues,
): PreflightQueryInput | null {
  const input = toImportInput(values);
  const query: PreflightQueryInput = {
    step,
    destination: input.destination,
    ...(input.s3Uri ? { s3Uri: input.s3Uri } : {}),
    ...(input.bucketRegion ? { bucketRegion: input.bucketRegion } : {}),
    ...(input.roleArn ? { roleArn: input.roleArn } : {}),
    ...(input.startTime ? { startTime: input.startTime } : {}),
    ...(input.endTime ? { endTime: input.endTime } : {}),
  };
  return preflightQuerySchema.safeParse(query).success ? query : null;
}

/** One step's checks (POST /api/preflight); results are kept as long as the server's cache. */
export function preflightOptions(query: PreflightQueryInput) {
  return queryOptions({
    queryKey: preflightKeys.check(query),
    queryFn: ({ signal }) => postPreflight(query, signal),
    staleTime: 60_000,
    // Refusals (bad input, the budget) don't get better by asking again at once.
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
  });
}

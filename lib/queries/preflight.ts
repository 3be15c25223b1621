// Query keys and options for the import preflight. The wizard asks POST /api/preflight (a read,
// posted because the request is a whole import); every step and the review share these.
import { queryOptions } from "@tanstack/react-query";
import {
  preflightQuerySchema,
  type PreflightQueryInput,
  type PreflightResult,
  type PreflightStep,
} from "@/lib/schemas/preflight";
import { toImportInput } from "@/lib/imports/wizard-draft";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import { ApiError, fetchJson } from "./fetch-json";

/** Key factory: all → check(query). */
export const preflightKeys = {
  all: ["preflight"] as const,
  check: (query: PreflightQueryInput) => [...preflightKeys.all, query] as const,
};

function postPreflight(query: PreflightQueryInput, signal: AbortSignal) {
  return fetchJson<PreflightResult>("/api/preflight", signal, query);
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

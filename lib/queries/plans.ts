// Query keys and options for plans. The plan page seeds the cache under these keys (first
// paint), and the browser polls the route handler in app/api/plans with the same options.
import { queryOptions } from "@tanstack/react-query";
import type { PlanView } from "@/lib/plans/plan-view";
import { fetchJson } from "./fetch-json";

/** Key factory: all → details → detail(id). */
export const planKeys = {
  all: ["plans"] as const,
  details: () => [...planKeys.all, "detail"] as const,
  detail: (planId: string) => [...planKeys.details(), planId] as const,
};

/** One plan with its chunks and progress (GET /api/plans/<id>). */
export function planDetailOptions(planId: string) {
  return queryOptions({
    queryKey: planKeys.detail(planId),
    queryFn: ({ signal }) =>
      fetchJson<PlanView>(`/api/plans/${encodeURIComponent(planId)}`, signal),
  });
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { cancelPlanAction } from "@/lib/actions/plans/cancel-plan";
import { pausePlanAction } from "@/lib/actions/plans/pause-plan";
import { rerunChunkAction } from "@/lib/actions/plans/rerun-chunk";
import { resumePlanAction } from "@/lib/actions/plans/resume-plan";
import { skipChunkAction } from "@/lib/actions/plans/skip-chunk";
import { type PlanView, isPlanViewLive } from "@/lib/plans/plan-view";
import { planDetailOptions, planKeys } from "@/lib/queries/plans";
import { usePollInterval } from "./use-import";

/** One plan, polled while it may still change on its own; finished plans are read once. */
export function usePlanQuery(planId: string) {
  const refetchInterval = usePollInterval<PlanView>((data) => !!data && isPlanViewLive(data));
  return useQuery({ ...planDetailOptions(planId), staleTime: 0, refetchInterval });
}

const PLAN_ACTIONS = { pause: pausePlanAction, resume: resumePlanAction, cancel: cancelPlanAction };
const CHUNK_ACTIONS = { skip: skipChunkAction, rerun: rerunChunkAction };

type Result = Awaited<ReturnType<typeof pausePlanAction>>;

function useRefreshAfter(planId: string) {
  const queryClient = useQueryClient();
  return {
    onSuccess: (result: Result) => {
      if (result.ok) toast.success(result.message ?? "Done");
      else toast.error(result.error);
    },
    onError: () => toast.error("Trail Imports couldn't reach its server. Try again."),
    // A refused change (someone else's came first) also means the page is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) }),
  };
}

/** Pause, resume or cancel the plan; the plan is read again whatever the answer. */
export function usePlanCommandMutation(planId: string) {
  const refresh = useRefreshAfter(planId);
  return useMutation({
    mutationFn: (action: keyof typeof PLAN_ACTIONS) => PLAN_ACTIONS[action]({ planId }),
    ...refresh,
  });
}

/** Skip or re-run one chunk; the plan is read again whatever the answer. */
export function useChunkCommandMutation(planId: string) {
  const refresh = useRefreshAfter(planId);
  return useMutation({
    mutationFn: ({ action, chunkId }: { action: keyof typeof CHUNK_ACTIONS; chunkId: string }) =>
      CHUNK_ACTIONS[action]({ planId, chunkId }),
    ...refresh,
  });
}

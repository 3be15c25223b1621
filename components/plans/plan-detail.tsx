"use client";

import Link from "next/link";
import { NotifyToggle } from "@/components/notifications/notify-toggle";
import { UtcTime } from "@/components/imports/utc-time";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Progress } from "@/components/ui/progress";
import { useEmbedEvent } from "@/lib/hooks/use-embed-event";
import { useNotificationOptIn, useEndNotification } from "@/lib/hooks/use-end-notification";
import {
  useChunkCommandMutation,
  usePlanCommandMutation,
  usePlanQuery,
} from "@/lib/hooks/use-plan";
import { isPlanViewLive } from "@/lib/plans/plan-view";
import { ChunksTable } from "./chunks-table";
import { PlanActions } from "./plan-actions";
import { PlanStateBadge } from "./plan-state-badge";
import { PLAN_STATE_LABELS, describeChunkCounts } from "./plan-view-model";

const NUMBER = new Intl.NumberFormat("en");

/** The plan page's live part: state, actions, progress, pace and the chunks. */
export function PlanDetail({ planId, operator }: { planId: string; operator: boolean }) {
  const query = usePlanQuery(planId);
  const planMutation = usePlanCommandMutation(planId);
  const chunkMutation = useChunkCommandMutation(planId);
  const plan = query.data;
  const optIn = useNotificationOptIn();
  const live = plan ? isPlanViewLive(plan) : undefined;
  useEndNotification({
    enabled: optIn.state === "on",
    ended: live === undefined ? undefined : !live,
    title: plan ? `Plan ${PLAN_STATE_LABELS[plan.state].toLowerCase()}` : "Plan ended",
    body: plan ? `${plan.name}: ${describeChunkCounts(plan.progress.counts)}` : "",
    tag: `plan-${planId}`,
  });
  useEmbedEvent(
    plan
      ? { type: "plan-status", planId, state: plan.state, percent: plan.progress.percent }
      : null,
  );

  if (!plan) {
    return (
      <Alert variant="destructive">
        <AlertTitle>The plan could not be loaded</AlertTitle>
        <AlertDescription>{query.error?.message ?? "Loading…"}</AlertDescription>
      </Alert>
    );
  }
  const { progress } = plan;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-2" aria-live="polite">
          <span className="sr-only">State:</span>
          <PlanStateBadge state={plan.state} />
          {query.isError ? (
            <span className="text-muted-foreground text-xs">
              Couldn&apos;t refresh: {query.error.message}
            </span>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {operator ? <PlanActions state={plan.state} mutation={planMutation} /> : null}
          {live ? <NotifyToggle what="this plan" /> : null}
        </div>
      </div>
      <section aria-labelledby="plan-progress" className="space-y-2">
        <h2 id="plan-progress" className="text-lg font-semibold">
          Progress
        </h2>
        <Progress label="Plan progress" value={progress.percent} />
        <p className="text-sm">
          {progress.percent}% of the days finished ({progress.daysCompleted} days imported,{" "}
          {progress.daysRemaining} to go) · {describeChunkCounts(progress.counts)}
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted-foreground">Events copied</dt>
          <dd>{NUMBER.format(progress.eventsCompleted)}</dd>
          <dt className="text-muted-foreground">Log files copied</dt>
          <dd>{NUMBER.format(progress.filesCompleted)}</dd>
          <dt className="text-muted-foreground">Pace</dt>
          <dd>
            {progress.daysPerHour === null
              ? "Measured once the first chunk completes"
              : `${progress.daysPerHour.toFixed(1)} days of logs per hour`}
          </dd>
          <dt className="text-muted-foreground">Expected to finish</dt>
          <dd>
            {progress.eta ? (
              <>
                about <UtcTime iso={progress.eta} /> at that pace
              </>
            ) : (
              "—"
            )}
          </dd>
        </dl>
        <p className="text-muted-foreground text-xs">
          Measured <UtcTime iso={plan.measuredAt} seconds />.{" "}
          <Link
            className="underline"
            href={`/coverage?${new URLSearchParams({ store: plan.destination })}`}
          >
            Coverage of this store
          </Link>{" "}
          ·{" "}
          <Link className="underline" href={`/activity?${new URLSearchParams({ plan: plan.id })}`}>
            Activity for this plan
          </Link>
        </p>
      </section>
      <section aria-labelledby="plan-chunks" className="space-y-2">
        <h2 id="plan-chunks" className="text-lg font-semibold">
          Chunks
        </h2>
        <ChunksTable
          chunks={plan.chunks}
          planState={plan.state}
          maxRetries={plan.maxRetries}
          mutation={operator ? chunkMutation : undefined}
        />
      </section>
    </div>
  );
}

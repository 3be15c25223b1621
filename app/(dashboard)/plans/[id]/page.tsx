import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { UtcTime } from "@/components/imports/utc-time";
import { PlanDetail } from "@/components/plans/plan-detail";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { getPlan } from "@/lib/db/plans";
import { advancePlansSoon } from "@/lib/plans/advance";
import { toPlanView } from "@/lib/plans/plan-view";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { planDetailOptions } from "@/lib/queries/plans";

type Props = { params: Promise<{ id: string }> };

const planIdSchema = z.uuid();

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = planIdSchema.safeParse((await params).id);
  return { title: id.success ? `Plan ${id.data.slice(0, 8)}` : "Plan not found" };
}

export default async function PlanPage({ params }: Props) {
  const parsed = planIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const planId = parsed.data;
  const user = await requireUser(`/plans/${planId}`);
  const detail = await getPlan(planId);
  if (!detail) notFound();
  // A person looking at a plan is a good moment for the runner to catch up.
  advancePlansSoon();
  const view = toPlanView(detail, new Date());
  const queryClient = getQueryClient();
  queryClient.setQueryData(planDetailOptions(planId).queryKey, view);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/plans" className="text-primary text-sm underline-offset-4 hover:underline">
          ← All plans
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{view.name}</h1>
        <p className="text-muted-foreground text-sm">
          Into <span className="font-mono text-xs break-all">{view.destination}</span> · created by{" "}
          {view.createdBy} on <UtcTime iso={view.createdAt} /> · {view.chunkSize} chunks, up to{" "}
          {view.maxRetries} retries each
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PlanDetail planId={planId} operator={hasRole(user.roles, "operator")} />
      </HydrationBoundary>
    </div>
  );
}

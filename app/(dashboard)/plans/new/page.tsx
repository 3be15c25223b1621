import type { Metadata } from "next";
import { Suspense } from "react";
import type { StoresLoad } from "@/components/import-wizard/destination-step";
import { OperatorOnlyNotice } from "@/components/import-wizard/operator-only-notice";
import { WizardSkeleton } from "@/components/import-wizard/wizard-skeleton";
import { NewPlanWizard } from "@/components/plans/new-plan/new-plan-wizard";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadWizardStores } from "@/lib/cloudtrail/wizard-stores";
import { serverEnv } from "@/lib/env";
import { planPrefill } from "@/lib/plans/plan-draft";

export const metadata: Metadata = { title: "New plan" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) =>
  typeof value === "string" ? value : undefined;

export default async function NewPlanPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const prefill = planPrefill({ store: one(raw.store), from: one(raw.from), to: one(raw.to) });
  const back = new URLSearchParams();
  for (const key of ["store", "from", "to"] as const) {
    const value = one(raw[key]);
    if (value) back.set(key, value);
  }
  const user = await requireUser(`/plans/new${back.size > 0 ? `?${back}` : ""}`);
  const operator = hasRole(user.roles, "operator");
  const load: StoresLoad | undefined = operator ? await loadWizardStores(user) : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">New plan</h1>
        <p className="text-muted-foreground">
          Import a long stretch of CloudTrail history into one event data store, cut into chunks
          that run one at a time without anyone watching.
        </p>
      </div>
      {load ? (
        <Suspense fallback={<WizardSkeleton />}>
          <NewPlanWizard load={load} prefill={prefill} />
        </Suspense>
      ) : (
        <OperatorOnlyNotice name={user.name} operatorGroups={serverEnv().OPERATOR_GROUPS} />
      )}
    </div>
  );
}

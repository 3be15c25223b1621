import type { Metadata } from "next";
import { Suspense } from "react";
import { StorePicker } from "@/components/coverage/store-picker";
import { StoreCoverage } from "@/components/coverage/store-coverage";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadWizardStores } from "@/lib/cloudtrail/wizard-stores";
import { parseCoverageQuery } from "@/lib/coverage/coverage-query";

export const metadata: Metadata = { title: "Coverage" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value !== "" ? value : undefined;

export default async function CoveragePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = parseCoverageQuery(
    { store: one(raw.store), from: one(raw.from), to: one(raw.to) },
    new Date(),
  );
  const back = new URLSearchParams();
  if (query.store) back.set("store", query.store);
  const user = await requireUser(`/coverage${back.size > 0 ? `?${back}` : ""}`);
  const load = await loadWizardStores(user);

  return (
    <div className="flex flex-col gap-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Coverage</h1>
        <p className="text-muted-foreground">
          Which days of history an event data store holds, from every import into it (any Region,
          anyone who started it) and the chunks plans have yet to run. Days are UTC.
        </p>
      </div>
      <StorePicker load={load} query={query} />
      {query.ignored.length > 0 ? (
        <Alert variant="warning" role="status">
          <AlertTitle>Some parameters were ignored</AlertTitle>
          <AlertDescription>
            Not valid, so the defaults are used: {query.ignored.join("; ")}.
          </AlertDescription>
        </Alert>
      ) : null}
      {query.store ? (
        <Suspense
          key={`${query.store}|${query.from}|${query.to}`}
          fallback={
            <div role="status" className="space-y-2">
              <span className="sr-only">Reading the store&apos;s imports…</span>
              {Array.from({ length: 12 }, (_, i) => (
                <Skeleton key={i} className="h-4 w-full" />
              ))}
            </div>
          }
        >
          <StoreCoverage
            user={user}
            store={query.store}
            from={query.from}
            to={query.to}
            canPlan={hasRole(user.roles, "operator")}
          />
        </Suspense>
      ) : (
        <p className="text-muted-foreground rounded-lg border border-dashed p-8 text-center text-sm">
          Choose an event data store to see its coverage.
        </p>
      )}
    </div>
  );
}

import { PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { type PlanListRow, PlansTable } from "@/components/plans/plans-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { listPlans } from "@/lib/db/plans";

export const metadata: Metadata = { title: "Plans" };

const PAGE_SIZE = 25;
// The repository's cursor is opaque; anything longer is not one it made.
const MAX_CURSOR_LENGTH = 512;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function NewPlanButton() {
  return (
    <Button asChild>
      <Link href="/plans/new">
        <PlusIcon aria-hidden />
        New plan
      </Link>
    </Button>
  );
}

export default async function PlansPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && raw.length <= MAX_CURSOR_LENGTH ? raw : undefined;
  const user = await requireUser(cursor ? `/plans?cursor=${encodeURIComponent(cursor)}` : "/plans");
  const operator = hasRole(user.roles, "operator");

  let page: { plans: PlanListRow[]; nextCursor?: string } | undefined;
  try {
    page = await listPlans({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Plans</h1>
          <p className="text-muted-foreground">
            Backfill plans import a long stretch of history one chunk at a time, unattended. Newest
            first; times are UTC.
          </p>
        </div>
        {operator && page && page.plans.length > 0 ? <NewPlanButton /> : null}
      </div>
      {!page ? (
        <Alert variant="destructive">
          <AlertTitle>The plans are unavailable</AlertTitle>
          <AlertDescription>
            Trail Imports can&apos;t reach its database, so it can&apos;t show plans. Try again
            shortly, or ask the administrator to check DATABASE_URL.
          </AlertDescription>
        </Alert>
      ) : page.plans.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed p-8 text-center">
          <p className="font-medium">{cursor ? "No older plans." : "No plans yet."}</p>
          <p className="text-muted-foreground text-sm">
            {operator
              ? "A plan imports months or years of CloudTrail logs into a store, one chunk at a time."
              : "Operators create plans; they appear here with their progress."}
          </p>
          {operator && !cursor ? <NewPlanButton /> : null}
        </div>
      ) : (
        <>
          <PlansTable plans={page.plans} />
          <nav aria-label="Pages" className="flex gap-3">
            {cursor ? (
              <Button variant="outline" asChild>
                <Link href="/plans">Newest plans</Link>
              </Button>
            ) : null}
            {page.nextCursor ? (
              <Button variant="outline" asChild>
                <Link href={`/plans?${new URLSearchParams({ cursor: page.nextCursor })}`}>
                  Older plans
                </Link>
              </Button>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}

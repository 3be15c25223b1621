import "server-only";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { AppUser } from "@/lib/auth/user";
import { STORE_IMPORTS_LIMIT, importsForStore } from "@/lib/cloudtrail/store-imports";
import { buildCoverage } from "@/lib/coverage/timeline";
import { chunksForCoverage } from "@/lib/db/plans";
import { CoverageTimeline } from "./coverage-timeline";

async function plannedRanges(store: string) {
  try {
    // Only chunks that have not reached CloudTrail yet: a started chunk shows through its import.
    return { planned: await chunksForCoverage(store), failed: false };
  } catch (error) {
    // The imports are the record of what the store holds; planned days are a hint on top.
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "coverage: plans' chunks unreadable",
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    return { planned: [], failed: true };
  }
}

/** The timeline of one store: its imports from every Region plus the plans' pending chunks. */
export async function StoreCoverage({
  user,
  store,
  from,
  to,
  canPlan,
}: {
  user: AppUser;
  store: string;
  from: string;
  to: string;
  canPlan: boolean;
}) {
  const [history, plans] = await Promise.all([importsForStore(user, store), plannedRanges(store)]);
  const coverage = buildCoverage({
    store,
    from,
    to,
    imports: history.imports,
    planned: plans.planned,
  });
  const problems = [
    ...history.problems,
    ...(history.truncated
      ? [`Only the first ${STORE_IMPORTS_LIMIT} imports are drawn; later days may show as missing.`]
      : []),
    ...(plans.failed
      ? ["The plans could not be read, so days they will import show as missing."]
      : []),
  ];
  return (
    <div className="space-y-4">
      {problems.length > 0 ? (
        <Alert variant="warning" role="status">
          <AlertTitle>Parts of the history could not be read</AlertTitle>
          <AlertDescription>
            {problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </AlertDescription>
        </Alert>
      ) : null}
      <CoverageTimeline coverage={coverage} store={store} planLinks={canPlan} />
    </div>
  );
}

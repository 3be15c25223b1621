// Check 9: CloudTrail runs one import at a time per account and refuses a start while another
// is initializing or in progress. Whether that limit is per Region isn't documented, so imports
// running in other Regions are a warning rather than a failure.
import type { CheckResult } from "@/lib/schemas/preflight";
import type { Fetched, ImportFacts } from "./facts";
import { listSome } from "./format";
import { checkResult, couldNotCheck } from "./result";

export const ONGOING_STATUSES = ["INITIALIZING", "IN_PROGRESS"] as const;

export interface OngoingFacts {
  /** The Region the import will start in (the destination's). */
  region: string;
  /** ListImports for each ongoing status, per Region the app can see. */
  imports: Record<string, Fetched<ImportFacts[]>>;
}

function describe(i: ImportFacts): string {
  return `${i.importId} (${i.status.toLowerCase().replace("_", " ")} in ${i.region}${i.createdAt ? `, started ${i.createdAt.slice(0, 16).replace("T", " ")} UTC` : ""})`;
}

/** Whether another import is running, and where. */
export function evaluateOngoing({ region, imports }: OngoingFacts): CheckResult {
  const here = imports[region];
  if (!here)
    return checkResult(
      "ongoing",
      "warning",
      `Imports in ${region} weren't listed, so a running import there wasn't ruled out.`,
    );
  if (!here.ok)
    return couldNotCheck("ongoing", here, `whether another import is running in ${region}`);
  const running = (list: ImportFacts[]) =>
    list.filter((i) => (ONGOING_STATUSES as readonly string[]).includes(i.status));
  const local = running(here.value);
  const elsewhere = Object.entries(imports).flatMap(([r, f]) =>
    r !== region && f.ok ? running(f.value) : [],
  );
  const details = [...local, ...elsewhere].map((i) => ({
    label: i.importId,
    value: `${i.status} in ${i.region}; into ${listSome(i.destinations, 1)}`,
  }));
  const first = local[0];
  if (first) {
    return checkResult(
      "ongoing",
      "failure",
      `Import ${describe(first)} is still running, and CloudTrail runs one import at a time per account, so starting now will be refused.`,
      {
        fix: {
          text: "Wait for it to finish, or stop it from its page, then run the checks again.",
        },
        details,
      },
    );
  }
  const other = elsewhere[0];
  if (other) {
    return checkResult(
      "ongoing",
      "warning",
      `Import ${describe(other)} is running in another Region. If CloudTrail's one-import limit spans Regions, starting now will be refused.`,
      { details },
    );
  }
  const unlisted = Object.entries(imports)
    .filter(([, f]) => !f.ok)
    .map(([r]) => r);
  return checkResult(
    "ongoing",
    "pass",
    `No other import is running in ${region}${unlisted.length ? ` (couldn't list ${listSome(unlisted)})` : ""}.`,
    { details },
  );
}

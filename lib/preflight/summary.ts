// The overall verdict. A failure doesn't lock the Start button: the person may know better (a
// policy the evaluator can't model), so the wizard asks for an explicit "Start anyway".
import { type CheckResult, type CheckStatus, type PreflightSummary } from "@/lib/schemas/preflight";
import { plural } from "./format";

/** Counts per status, the verdict and one sentence for the top of the checklist. */
export function summarizePreflight(checks: readonly CheckResult[]): PreflightSummary {
  const counts: Record<CheckStatus, number> = { pass: 0, warning: 0, failure: 0, "not-checked": 0 };
  for (const check of checks) counts[check.status]++;
  const unchecked = counts["not-checked"]
    ? ` ${plural(counts["not-checked"], "check")} couldn't run.`
    : "";
  if (counts.failure > 0) {
    return {
      verdict: "blocked",
      needsStartAnyway: true,
      counts,
      sentence: `${plural(counts.failure, "check")} failed; the import would likely fail or copy less than asked. Fix them, or start anyway.${unchecked}`,
    };
  }
  if (counts.warning > 0) {
    return {
      verdict: "warnings",
      needsStartAnyway: false,
      counts,
      sentence: `Ready to start, with ${plural(counts.warning, "warning")} to read first.${unchecked}`,
    };
  }
  return {
    verdict: "ready",
    needsStartAnyway: false,
    counts,
    sentence: `Ready to start: every check that could run passed.${unchecked}`,
  };
}

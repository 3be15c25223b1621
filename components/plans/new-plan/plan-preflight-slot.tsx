import type { PlanSourceInput } from "@/lib/schemas/plan";

/**
 * Where the review step shows the preflight checks of the plan's sources. Renders nothing yet:
 * the checks are wired in separately, and the slot keeps their place and inputs fixed.
 */
export function PlanPreflightSlot({ sources: _sources }: { sources: readonly PlanSourceInput[] }) {
  return null;
}

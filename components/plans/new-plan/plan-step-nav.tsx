import Link from "next/link";
import { CheckIcon } from "lucide-react";
import { PLAN_STEPS, type PlanStepId } from "@/lib/plans/plan-draft";
import { cn } from "@/lib/utils";

/** The new-plan steps as an ordered list; steps already reachable are links (one URL per step). */
export function PlanStepNav({
  current,
  completed,
}: {
  current: PlanStepId;
  completed: readonly PlanStepId[];
}) {
  const reachable = new Set<PlanStepId>(completed);
  const firstOpen = PLAN_STEPS.find((s) => !reachable.has(s.id));
  if (firstOpen) reachable.add(firstOpen.id);
  return (
    <nav aria-label="Plan steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {PLAN_STEPS.map((step, index) => {
          const isCurrent = step.id === current;
          const done = completed.includes(step.id);
          const label = (
            <>
              <span
                aria-hidden
                className={cn(
                  "flex size-6 items-center justify-center rounded-full border text-xs",
                  isCurrent && "bg-primary text-primary-foreground border-primary",
                )}
              >
                {done && !isCurrent ? <CheckIcon className="size-3.5" /> : index + 1}
              </span>
              <span>{step.title}</span>
              {done ? <span className="sr-only">(done)</span> : null}
            </>
          );
          const className = "flex items-center gap-2 rounded-md px-2 py-1";
          return (
            <li key={step.id}>
              {reachable.has(step.id) && !isCurrent ? (
                <Link
                  href={`?step=${step.id}`}
                  scroll={false}
                  className={cn(
                    className,
                    "hover:bg-accent focus-visible:ring-ring outline-hidden focus-visible:ring-2",
                  )}
                >
                  {label}
                </Link>
              ) : (
                <span
                  aria-current={isCurrent ? "step" : undefined}
                  className={cn(className, isCurrent ? "font-medium" : "text-muted-foreground")}
                >
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

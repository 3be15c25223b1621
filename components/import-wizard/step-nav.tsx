import Link from "next/link";
import { CheckIcon } from "lucide-react";
import { IMPORT_WIZARD_STEPS, type ImportWizardStepId } from "@/lib/schemas/import-wizard";
import { stepIndex } from "@/lib/imports/wizard-draft";
import { cn } from "@/lib/utils";

/**
 * The five steps as an ordered list. Steps up to the furthest allowed one are links (one URL per
 * step); later ones are plain text, since the page would clamp them back anyway.
 */
export function StepNav({
  current,
  allowed,
  completed,
}: {
  current: ImportWizardStepId;
  allowed: ImportWizardStepId;
  completed: readonly ImportWizardStepId[];
}) {
  return (
    <nav aria-label="Import steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {IMPORT_WIZARD_STEPS.map((step, index) => {
          const isCurrent = step.id === current;
          const reachable = stepIndex(step.id) <= stepIndex(allowed);
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
              {reachable && !isCurrent ? (
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

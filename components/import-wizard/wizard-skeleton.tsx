import { Skeleton } from "@/components/ui/skeleton";

/** The wizard's shape while the stores or the saved draft load. */
export function WizardSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the new-import wizard">
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-28" />
        ))}
      </div>
      <Skeleton className="h-7 w-64" />
      <div className="space-y-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20 w-full" />
        ))}
      </div>
      <Skeleton className="h-9 w-28" />
    </div>
  );
}

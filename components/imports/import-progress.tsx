import { Progress } from "@/components/ui/progress";
import type { ImportStatistics } from "@/lib/cloudtrail/types";
import { progressOf, progressText } from "@/lib/imports/progress";

/** Prefixes completed of prefixes found, as a bar plus the numbers (the bar alone hides them). */
export function ImportProgress({
  statistics,
  status,
  label,
  compact = false,
}: {
  statistics: ImportStatistics | undefined;
  status: string;
  label: string;
  compact?: boolean;
}) {
  const progress = progressOf(statistics, status);
  const text = progressText(progress, status);
  return (
    <div className={compact ? "flex min-w-36 flex-col gap-1" : "flex flex-col gap-2"}>
      <Progress label={label} value={progress.percent} max={100} />
      <span className="text-muted-foreground text-xs">{text}</span>
    </div>
  );
}

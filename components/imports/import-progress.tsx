import { Spinner } from "@/components/ui/spinner";
import { Progress } from "@/components/ui/progress";
import type { ImportStatistics } from "@/lib/cloudtrail/types";
import { progressDisplay } from "@/lib/imports/progress";

/**
 * An import's progress in the look of its state: a line saying CloudTrail is finding the log
 * files (no bar) while initializing, the real ratio while copying, a still bar once finished.
 * The numbers sit beside the bar, which alone would hide them.
 */
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
  const display = progressDisplay(statistics, status);
  const layout = compact ? "flex min-w-36 flex-col gap-1" : "flex flex-col gap-2";
  if (display.kind === "finding") {
    return (
      <div className={layout} data-progress="finding">
        <p className="text-muted-foreground flex items-center gap-2 text-xs">
          <Spinner aria-hidden className="size-3.5" />
          {display.text}
        </p>
      </div>
    );
  }
  return (
    <div className={layout} data-progress={display.kind}>
      <Progress
        label={label}
        value={display.percent}
        max={100}
        tone={display.kind === "final" ? display.tone : "default"}
      />
      <span className="text-muted-foreground text-xs">{display.text}</span>
    </div>
  );
}

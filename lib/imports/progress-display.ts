// How an import's progress is drawn in each state, so that no state borrows another's look: a
// full pulsing bar while CloudTrail is still scanning read as 100 % at a glance. Pure; shared by
// the detail page and the list.
import { type ProgressInput, isTerminalStatus, progressOf, progressText } from "./status";

export const FINDING_FILES_TEXT = "CloudTrail is finding the log files…";

export type ProgressDisplay =
  /** INITIALIZING: no bar at all, only what CloudTrail is doing. */
  | { kind: "finding"; text: string }
  /** Copying: a bar of the real ratio, or a moving segment while the total is not known yet. */
  | { kind: "running"; percent: number | null; text: string }
  /** Finished: a still bar where the import ended, coloured by how it ended. */
  | {
      kind: "final";
      percent: number;
      text: string;
      tone: "success" | "destructive" | "warning" | "default";
    };

const FINAL_TONE: Record<string, "success" | "destructive" | "warning"> = {
  COMPLETED: "success",
  FAILED: "destructive",
  STOPPED: "warning",
};

/** The progress to draw for an import in `status` with `statistics`. */
export function progressDisplay(
  statistics: ProgressInput | undefined,
  status: string,
): ProgressDisplay {
  if (status === "INITIALIZING") return { kind: "finding", text: FINDING_FILES_TEXT };
  const progress = progressOf(statistics, status);
  const text = progressText(progress, status);
  if (!isTerminalStatus(status)) return { kind: "running", percent: progress.percent, text };
  return {
    kind: "final",
    percent: progress.percent ?? 0,
    text,
    tone: FINAL_TONE[status] ?? "default",
  };
}

// How far an import has got, from CloudTrail's statistics. Pure, shared by server and client code.
import { isTerminalStatus } from "./status";

export interface ProgressInput {
  prefixesFound?: number | undefined;
  prefixesCompleted?: number | undefined;
}

export interface ProgressView {
  completed: number;
  /** `null` while CloudTrail has not reported how many prefixes it found. */
  total: number | null;
  /** 0–100, rounded down so 100 means really done; `null` when unknown. */
  percent: number | null;
}

/**
 * PrefixesCompleted / PrefixesFound, the closest thing CloudTrail gives to a progress ratio
 * (the console's "Prefixes copied" column is PrefixesCompleted). Completed is clamped to found because the two are updated separately and can
 * briefly disagree; a completed import always reads 100 %.
 */
export function progressOf(statistics: ProgressInput | undefined, status?: string): ProgressView {
  const found = statistics?.prefixesFound;
  const done = Math.max(0, statistics?.prefixesCompleted ?? 0);
  if (status === "COMPLETED") {
    const total = found !== undefined && found > 0 ? found : null;
    return { completed: total ?? done, total, percent: 100 };
  }
  if (found === undefined || found <= 0) {
    // A finished import whose scan found nothing is not "in progress": no indeterminate bar.
    return { completed: done, total: null, percent: isTerminalStatus(status ?? "") ? 0 : null };
  }
  const completed = Math.min(done, found);
  return { completed, total: found, percent: Math.floor((completed / found) * 100) };
}

/**
 * The words beside the bar (the bar alone hides the numbers). An unknown total is "not known yet"
 * only while the import runs; a finished one that found no prefix says so.
 */
export function progressText(progress: ProgressView, status: string): string {
  if (progress.total !== null) {
    return `${progress.completed} of ${progress.total} prefixes (${progress.percent ?? 0}%)`;
  }
  if (!isTerminalStatus(status))
    return `${progress.completed} prefixes copied, total not known yet`;
  return progress.completed > 0 ? `${progress.completed} prefixes copied` : "No prefixes found";
}

// How an import's progress is drawn in each state, so that no state borrows another's look: a
// full pulsing bar while CloudTrail is still scanning read as 100 % at a glance.
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

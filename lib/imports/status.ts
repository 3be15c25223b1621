// Plain-words status explanations, progress maths and polling cadence for imports. Pure and
// shared by server and client code (no "server-only"). Lifecycle rules: platform notes a.6, a.7.

/**
 * The CloudTrail `ImportStatus` enum, in lifecycle order. Kept here, free of zod, so client components
 * can list statuses without shipping the schema library (lib/schemas/import builds its enum from it).
 */
export const IMPORT_STATUSES = [
  "INITIALIZING",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "STOPPED",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A status as the app receives it: AWS may add values later, which arrive as "UNKNOWN". */
export type AnyImportStatus = ImportStatus | "UNKNOWN";

const TERMINAL: ReadonlySet<string> = new Set(["COMPLETED", "FAILED", "STOPPED"]);

/** Whether an import has finished; its details change only if someone retries it. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL.has(status);
}

/** Retry is offered for failed and stopped imports (as in the console, notes a.7). */
export function canRetry(status: string): boolean {
  return status === "FAILED" || status === "STOPPED";
}

/** Stop is offered while an import is starting or running. */
export function canStop(status: string): boolean {
  return status === "INITIALIZING" || status === "IN_PROGRESS";
}

export type StatusTone =
  "default" | "secondary" | "success" | "warning" | "destructive" | "outline";

export interface StatusExplanation {
  label: string;
  /** One or two sentences a person can act on. */
  description: string;
  tone: StatusTone;
}

const EXPLANATIONS: Record<AnyImportStatus, StatusExplanation> = {
  INITIALIZING: {
    label: "Initializing",
    description:
      "CloudTrail is preparing the import and scanning the S3 location for log files. Copying starts shortly.",
    tone: "secondary",
  },
  IN_PROGRESS: {
    label: "In progress",
    description:
      "CloudTrail is copying events into the event data store. Statistics are updated in steps, so the numbers can lag behind the real progress.",
    tone: "default",
  },
  COMPLETED: {
    label: "Completed",
    description: "Every log file in the range was copied without failures.",
    tone: "success",
  },
  FAILED: {
    label: "Failed",
    description:
      "The import finished, but some files could not be copied; events from the other files were copied. The failures below say which files and why. Fix them and retry: CloudTrail resumes where the failures occurred.",
    tone: "destructive",
  },
  STOPPED: {
    label: "Stopped",
    description:
      "Someone stopped the import before it finished. Events copied so far stay in the store; retry to continue copying.",
    tone: "warning",
  },
  UNKNOWN: {
    label: "Unknown",
    description:
      "CloudTrail reported a status this version of Trail Imports does not know. Check the import in the AWS console.",
    tone: "outline",
  },
};

/** Label, plain-words meaning and badge tone for a status. */
export function explainStatus(status: string): StatusExplanation {
  return Object.hasOwn(EXPLANATIONS, status)
    ? EXPLANATIONS[status as AnyImportStatus]
    : EXPLANATIONS.UNKNOWN;
}

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
 * (notes a.6). Completed is clamped to found because the two are updated separately and can
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

/** Base polling interval while an import runs; the server cache absorbs the extra reads. */
export const POLL_BASE_MS = 2_000;
/** Longest wait between polls when the server keeps failing or throttling. */
export const POLL_MAX_MS = 30_000;

/**
 * How long to wait before the next poll: `false` once nothing is running, the base interval
 * while healthy, and doubling per consecutive failure (throttling included) up to the cap.
 */
export function nextPollDelay(options: {
  running: boolean;
  consecutiveFailures: number;
}): number | false {
  if (!options.running) return false;
  const failures = Math.max(0, Math.min(options.consecutiveFailures, 10));
  return Math.min(POLL_BASE_MS * 2 ** failures, POLL_MAX_MS);
}

/** The first block of an import id, enough to tell rows apart at a glance. */
export function shortImportId(importId: string): string {
  return importId.split("-")[0] ?? importId;
}

/** `2026-01-31 14:05 UTC` (or `2026-01-31 14:05:09 UTC` with seconds); "—" when absent or invalid. */
export function formatUtc(iso: string | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, options.seconds ? 19 : 16)} UTC`;
}

/** What the retry and stop actions return on success: the status CloudTrail answered with. */
export interface ImportActionData {
  importId: string;
  region: string;
  status: AnyImportStatus;
}

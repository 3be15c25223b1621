// What an import's status means and allows. Pure, shared by server and client code. A finished
// import (COMPLETED, FAILED, STOPPED) changes only if someone retries it; retry resumes a FAILED or
// STOPPED import where it left off, as the CloudTrail console offers it.
import type { ImportStatus } from "@/lib/schemas/import-status";

/** A status as the app receives it: AWS may add values later, which arrive as "UNKNOWN". */
export type AnyImportStatus = ImportStatus | "UNKNOWN";

const TERMINAL: ReadonlySet<string> = new Set(["COMPLETED", "FAILED", "STOPPED"]);

/** Whether an import has finished; its details change only if someone retries it. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL.has(status);
}

/** Retry is offered for failed and stopped imports, as the CloudTrail console offers "Retry copy". */
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

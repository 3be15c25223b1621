// What the runner knows about one CloudTrail import, gathered before a tick from ListImports
// (every non-terminal import of the account, the app's or not) and GetImport (each running
// chunk's import). Structurally a subset of the CloudTrail layer's import details, so those
// objects can be passed as they are.
import type { AnyImportStatus } from "@/lib/imports/status";
import type { ChunkStatistics } from "@/lib/schemas/plan-rows";

export interface ObservedImport {
  importId: string;
  /** The Region the import was listed in (the destination store's Region). */
  region: string;
  status: AnyImportStatus;
  destinations: string[];
  createdAt?: string;
  updatedAt?: string;
  source?: { s3Uri?: string; bucketRegion?: string; roleArn?: string };
  startEventTime?: string;
  endEventTime?: string;
  statistics?: ChunkStatistics;
  /**
   * Distinct ErrorType values of the import's FAILED files (ListImportFailures). Only needed for a
   * FAILED import; absent means "not fetched yet", and the runner asks for them.
   */
  failureTypes?: string[];
}

/** Whether an import is starting or copying, i.e. blocks another start in its account. */
export function isOngoing(status: string): boolean {
  return status === "INITIALIZING" || status === "IN_PROGRESS";
}

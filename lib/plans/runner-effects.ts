// The vocabulary of a runner tick: what it may ask the executor to do. Every effect names the
// chunk (or plan) it changes so the executor can apply it as a conditional update on the state
// the decision saw, and skip it when another tick got there first.
import type { NotificationEvent } from "@/lib/notify/events";
import type { ChunkStatistics } from "@/lib/schemas/plan-rows";

/** A new import of the chunk's window, or a retry of its failed import (CloudTrail resumes it). */
export type StartRequest =
  | {
      kind: "new";
      destination: string;
      s3Uri: string;
      bucketRegion: string;
      roleArn: string;
      startEventTime: Date;
      endEventTime: Date;
    }
  | { kind: "retry"; importId: string };

export type RunnerEffect =
  /** Record the claim (state starting, attempts = attempt, claimedAt = now), then call StartImport. */
  | {
      type: "start-import";
      planId: string;
      chunkId: string;
      attempt: number;
      /** The destination store's Region, where StartImport is called. */
      region: string;
      request: StartRequest;
      /** Who the import is started for: the plan's creator, sent as the STS SourceIdentity. */
      sourceIdentity: string;
    }
  /** Record the import id a crashed or unrecorded start created (state running). */
  | { type: "adopt-import"; planId: string; chunkId: string; importId: string }
  /** Read the import again (GetImport, and ListImportFailures when `withFailures`) before the next tick. */
  | {
      type: "poll-import";
      planId: string;
      chunkId: string;
      importId: string;
      region: string;
      withFailures: boolean;
    }
  | { type: "record-progress"; planId: string; chunkId: string; statistics: ChunkStatistics }
  | {
      type: "complete-chunk";
      planId: string;
      chunkId: string;
      importId: string;
      statistics?: ChunkStatistics;
    }
  | { type: "fail-chunk"; planId: string; chunkId: string; reason: string }
  | { type: "mark-stopped"; planId: string; chunkId: string; reason: string }
  /** Back to pending, to start (or retry the import) no earlier than `at`. */
  | {
      type: "schedule-retry";
      planId: string;
      chunkId: string;
      at: Date;
      reason: string;
      /** Set when the attempt shouldn't count (the start was refused before CloudTrail began one). */
      attempts?: number;
    }
  /** The plan was cancelled while this chunk's import runs: StopImport it. */
  | { type: "stop-import"; planId: string; chunkId: string; importId: string; region: string }
  | { type: "notify"; event: NotificationEvent }
  | { type: "finish-plan"; planId: string; outcome: "completed" | "failed" };

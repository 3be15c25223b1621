// Everything the HTTP layer needs from a running Lake.
import type { ActiveFaults } from "../admin/faults.ts";
import type { CallLog } from "../admin/call-log.ts";
import type { ImportEngine } from "../engine/import-engine.ts";
import type { LookupThrottle, OngoingScope } from "../rules/lookup-throttle.ts";
import type { LakeState } from "../state/lake-state.ts";

export type LakeDeps = {
  state: LakeState;
  engine: ImportEngine;
  dataDir: string;
  callLog: CallLog;
  /** Mutable: PUT /_admin/faults replaces it. */
  faults: ActiveFaults;
  lookupThrottle: LookupThrottle;
  /** Whether the one-ongoing-import rule counts per account or per account and Region. */
  ongoingScope: OngoingScope;
};

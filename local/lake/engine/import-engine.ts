// The in-process scheduler: one runner per non-terminal import, reading its files in small
// batches at the configured pace and updating statistics as it goes. Runners are resumable:
// after a restart, `resume` rebuilds the work list from the record's cursor and RETRY entries.
import { listLogFiles } from "../s3/list-log-files.ts";
import { readForImport } from "../s3/import-read.ts";
import { readBucketMeta, type ObjectMeta } from "../s3/object-meta.ts";
import { parseS3Uri } from "../s3/s3-uri.ts";
import { checkImportAccess } from "../rules/import-access.ts";
import { finalStatus } from "../rules/import-rules.ts";
import type { LakeState } from "../state/lake-state.ts";
import type { ImportRecord } from "../state/types.ts";
import { advanceCursor, applyFailure, applySuccess } from "./apply.ts";
import { initializingDelay, tickFor, type Pace } from "./pace.ts";
import { buildWorkList, type WorkList } from "./work-list.ts";

type Runner = {
  record: ImportRecord;
  meta?: ReadonlyMap<string, ObjectMeta>;
  cancelled: boolean;
  timer?: NodeJS.Timeout;
  busy?: Promise<void>;
};

export class ImportEngine {
  pace: Pace;
  private readonly state: LakeState;
  private readonly dataDir: string;
  private readonly runners = new Map<string, Runner>();
  private readonly now: () => number;

  constructor(state: LakeState, dataDir: string, pace: Pace, now: () => number = Date.now) {
    this.state = state;
    this.dataDir = dataDir;
    this.pace = pace;
    this.now = now;
  }

  /** Starts (or resumes after a restart) processing of a non-terminal import. */
  run(record: ImportRecord): void {
    this.cancel(record.id);
    const runner: Runner = { record, cancelled: false };
    this.runners.set(record.id, runner);
    const delay = record.status === "INITIALIZING" ? initializingDelay(this.pace) : 0;
    this.later(runner, delay, () => this.initialize(runner));
  }

  /** Stops processing an import (its status is the caller's business). */
  cancel(id: string): void {
    const runner = this.runners.get(id);
    if (!runner) return;
    runner.cancelled = true;
    clearTimeout(runner.timer);
    this.runners.delete(id);
  }

  /** Cancels every runner and waits for batches in flight, so nothing writes after close. */
  async close(): Promise<void> {
    const busy = [...this.runners.values()].map((r) => r.busy);
    for (const id of [...this.runners.keys()]) this.cancel(id);
    await Promise.allSettled(busy);
  }

  private later(runner: Runner, delayMs: number, step: () => Promise<void>): void {
    if (runner.cancelled) return;
    const go = (): void => {
      runner.timer = undefined;
      runner.busy = step().catch((error: unknown) => this.crash(runner, error));
    };
    runner.timer = setTimeout(go, delayMs);
  }

  private finish(runner: Runner): void {
    this.runners.delete(runner.record.id);
    const { record } = runner;
    record.status = finalStatus(record);
    record.updatedMs = this.now();
    this.state.changed();
  }

  private crash(runner: Runner, error: unknown): void {
    if (runner.cancelled) return;
    const message = error instanceof Error ? error.message : String(error);
    applyFailure(
      runner.record,
      null,
      "InternalError",
      `The import could not read its source: ${message}`,
      this.now(),
    );
    this.finish(runner);
  }

  private async initialize(runner: Runner): Promise<void> {
    const { record } = runner;
    const now = this.now();
    const denied = checkImportAccess(record, this.state.seedEndMs);
    if (denied) {
      applyFailure(record, null, denied.errorType, denied.errorMessage, now);
      return this.finish(runner);
    }
    const range = {
      ...(record.startMs === undefined ? {} : { start: new Date(record.startMs) }),
      ...(record.endMs === undefined ? {} : { end: new Date(record.endMs) }),
    };
    const listing = await listLogFiles(this.dataDir, record.source.uri, range);
    runner.meta = await readBucketMeta(this.dataDir, parseS3Uri(record.source.uri)?.bucket ?? "");
    if (runner.cancelled) return;
    if (!listing.bucketExists) {
      applyFailure(
        record,
        null,
        "NoSuchBucket",
        `The source bucket of ${record.source.uri} does not exist.`,
        this.now(),
      );
      return this.finish(runner);
    }
    // The source is readable again: a source-level failure from an earlier run is settled.
    const sourceFailure = record.failures.find((f) => f.key === null && f.status !== "SUCCEEDED");
    if (sourceFailure) Object.assign(sourceFailure, { status: "SUCCEEDED", updatedMs: this.now() });
    const work = buildWorkList(record, listing.prefixes);
    for (const key of work.vanished) {
      applyFailure(
        record,
        key,
        "FileNotFound",
        "The object no longer exists in the source bucket.",
        this.now(),
      );
    }
    // A retry or resume never lowers a statistic a client has already seen.
    record.stats.prefixesFound = Math.max(record.stats.prefixesFound, work.prefixesFound);
    record.stats.prefixesCompleted = Math.max(
      record.stats.prefixesCompleted,
      work.prefixesCompleted,
    );
    record.status = "IN_PROGRESS";
    record.updatedMs = this.now();
    this.state.changed();
    this.next(runner, work, 0);
  }

  private next(runner: Runner, work: WorkList, index: number): void {
    if (index >= work.items.length) {
      runner.record.exhausted = true;
      return this.finish(runner);
    }
    const tick = tickFor(this.pace, work.items.length);
    this.later(runner, tick.delayMs, () => this.batch(runner, work, index, tick.batch));
  }

  /** Events older than the destination store's retention period are not copied. */
  private retentionStart(record: ImportRecord): number | undefined {
    const store = this.state.storesIn(record.region).find((s) => s.arn === record.destination);
    return store === undefined
      ? undefined
      : this.now() - store.retentionPeriod * 24 * 60 * 60 * 1000;
  }

  private async batch(runner: Runner, work: WorkList, index: number, size: number): Promise<void> {
    const items = work.items.slice(index, index + size);
    const notBeforeMs = this.retentionStart(runner.record);
    const results = await Promise.all(
      items.map((item) => readForImport(item.path, runner.meta?.get(item.key), { notBeforeMs })),
    );
    // A stop that arrived while files were being read wins: nothing is counted, the cursor stays.
    if (runner.cancelled) return;
    const { record } = runner;
    const now = this.now();
    items.forEach((item, i) => {
      const result = results[i];
      if (!result) return;
      if (result.ok) applySuccess(record, item.key, result.events, now);
      else applyFailure(record, item.key, result.errorType, result.errorMessage, now);
      advanceCursor(record, item.key);
      const left = (work.remaining.get(item.prefix) ?? 1) - 1;
      work.remaining.set(item.prefix, left);
      if (left === 0 && !work.counted.has(item.prefix)) record.stats.prefixesCompleted += 1;
    });
    record.updatedMs = now;
    this.state.changed();
    this.next(runner, work, index + items.length);
  }
}

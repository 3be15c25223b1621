import "server-only";
import { actionError, actionOk } from "@/lib/actions/types";
import type { AuditEntry } from "@/lib/audit";
import type { AppUser } from "@/lib/auth/guard";
import { describeErrorForLog, startImport, toCloudTrailFailure } from "@/lib/cloudtrail";
import type { StartImportActionResult, StartImportData } from "@/lib/imports/start-import-result";
import { parseEventDataStoreArn, type StartImportSubmission } from "@/lib/schemas/import";

/** How long a submission id's result is remembered, so a replay returns it without calling AWS. */
export const SUBMISSION_TTL_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;
/** A start still "in flight" after this long is treated as gone (the SDK's timeouts end it well before). */
const IN_FLIGHT_TTL_MS = 60_000;

type Remembered = { expires: number; result: StartImportActionResult };

// Per server instance. With several replicas a replay that lands elsewhere reaches AWS again;
// CloudTrail then refuses it with AccountHasOngoingImportException while the first one runs.
const remembered = new Map<string, Remembered>();
const inFlight = new Map<
  string,
  { submissionId: string; promise: Promise<StartImportActionResult>; since: number }
>();

function recall(key: string, now: number): StartImportActionResult | undefined {
  const entry = remembered.get(key);
  if (!entry) return undefined;
  if (entry.expires > now) return entry.result;
  remembered.delete(key);
  return undefined;
}

function remember(key: string, result: StartImportActionResult, now: number): void {
  if (remembered.size >= MAX_REMEMBERED) {
    for (const [k, entry] of remembered) if (entry.expires <= now) remembered.delete(k);
    // Still full of live entries: drop the oldest (Map keeps insertion order).
    const oldest = remembered.keys().next();
    if (remembered.size >= MAX_REMEMBERED && !oldest.done) remembered.delete(oldest.value);
  }
  remembered.set(key, { expires: now + SUBMISSION_TTL_MS, result });
}

export interface StartImportHandlerOptions {
  /** Receives the audit line; the action defers it with `after()`. */
  audit?: (entry: AuditEntry) => void;
}

async function callStartImport(
  input: StartImportSubmission,
  user: AppUser,
): Promise<StartImportActionResult> {
  const { submissionId: _submissionId, ...importInput } = input;
  try {
    const details = await startImport(user, importInput);
    return actionOk<StartImportData>(
      { importId: details.importId, region: details.region },
      "Import started",
    ) as StartImportActionResult;
  } catch (error) {
    const failure = toCloudTrailFailure(error, "startImport");
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "StartImport failed",
        user: user.id,
        ...describeErrorForLog(error),
      }),
    );
    const region = parseEventDataStoreArn(input.destination)?.region;
    const result = actionError<StartImportData>(
      "aws",
      failure.message,
      failure.field ? { [failure.field]: [failure.message] } : undefined,
    ) as Extract<StartImportActionResult, { ok: false }>;
    result.failure = {
      awsCode: failure.code,
      retryable: failure.retryable,
      ...(failure.field ? { field: failure.field } : {}),
      ...(failure.ongoingImportId && region
        ? { ongoingImport: { importId: failure.ongoingImportId, region } }
        : {}),
      ...(failure.requestId ? { requestId: failure.requestId } : {}),
    };
    return result;
  }
}

/**
 * The body of `startImportAction`, callable without next-auth (integration tests pass a user).
 * Starts the import as `user` in the destination's Region. Replays of one `submissionId` by the
 * same user within 10 minutes return the first result without calling AWS again; while a start
 * of the user's is in flight, the same submission waits for it and a different one is refused.
 */
export async function handleStartImport(
  input: StartImportSubmission,
  user: AppUser,
  options: StartImportHandlerOptions = {},
): Promise<StartImportActionResult> {
  const key = `${user.id}|${input.submissionId}`;
  const auditBase = { actor: { id: user.id, email: user.email }, action: "start-import" };
  const earlier = recall(key, Date.now());
  if (earlier) {
    options.audit?.({
      ...auditBase,
      result: earlier.ok ? "ok" : earlier.code,
      ...(earlier.ok ? { importId: earlier.data.importId } : {}),
      detail: { replayed: true },
    });
    return earlier;
  }
  const held = inFlight.get(user.id);
  const running = held && Date.now() - held.since < IN_FLIGHT_TTL_MS ? held : undefined;
  if (running) {
    if (running.submissionId === input.submissionId) return running.promise;
    options.audit?.({
      ...auditBase,
      result: "conflict",
      detail: { reason: "start already in flight" },
    });
    return actionError(
      "conflict",
      "You are already starting an import. Wait for it to finish, then try again.",
    );
  }

  const promise = callStartImport(input, user);
  const entry = { submissionId: input.submissionId, promise, since: Date.now() };
  inFlight.set(user.id, entry);
  let result: StartImportActionResult;
  try {
    result = await promise;
  } finally {
    if (inFlight.get(user.id) === entry) inFlight.delete(user.id);
  }
  // Transient failures are not remembered, so sending the same submission again can succeed.
  if (result.ok || !result.failure?.retryable) remember(key, result, Date.now());
  options.audit?.({
    ...auditBase,
    result: result.ok ? "ok" : result.code,
    ...(result.ok ? { importId: result.data.importId } : {}),
    detail: {
      destination: input.destination,
      s3Uri: input.s3Uri,
      bucketRegion: input.bucketRegion,
      roleArn: input.roleArn,
      startTime: input.startTime?.toISOString(),
      endTime: input.endTime?.toISOString(),
      ...(result.ok ? { region: result.data.region } : { awsCode: result.failure?.awsCode }),
    },
  });
  return result;
}

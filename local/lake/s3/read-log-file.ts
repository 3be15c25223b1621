// Reads one object the way an import does and classifies it. Bad content is an expected,
// per-file failure (it becomes a FailedEntries count), so nothing here throws for it.
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

export type ReadResult =
  { ok: true; events: number } | { ok: false; errorType: string; errorMessage: string };

/** Events whose eventTime is before this (epoch ms) are not counted: they are past the store's retention. */
export type ReadOptions = { notBeforeMs?: number };

const gunzipAsync = promisify(gunzip);
// Real log files are a few MB uncompressed at most; the cap keeps a gzip bomb from eating memory.
const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
const MAX_MESSAGE = 1000;

function failure(errorType: string, errorMessage: string): ReadResult {
  const message =
    errorMessage.length > MAX_MESSAGE ? `${errorMessage.slice(0, MAX_MESSAGE - 1)}…` : errorMessage;
  return { ok: false, errorType, errorMessage: message };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

function isRecord(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a CloudTrail log file and counts its events (those at or after `notBeforeMs`, if given).
 * Failures: `FileReadError` (cannot be read), `InvalidFileFormat` (not gzip, or broken gzip),
 * `MalformedLogFile` (gzip, but not JSON with a `Records` array of objects). Never throws.
 */
export async function readLogFile(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return failure("FileReadError", `The file could not be read: ${reason(error)}`);
  }

  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    return failure(
      "InvalidFileFormat",
      "The file is not gzip-compressed. CloudTrail Lake imports only gzip-compressed CloudTrail log files.",
    );
  }

  let text: string;
  try {
    const raw = await gunzipAsync(bytes, { maxOutputLength: MAX_UNCOMPRESSED_BYTES });
    text = raw.toString("utf8");
  } catch (error) {
    return failure(
      "InvalidFileFormat",
      `The file is not a valid gzip archive and could not be decompressed: ${reason(error)}`,
    );
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return failure(
      "MalformedLogFile",
      `The file is not a CloudTrail log file: its content is not valid JSON (${reason(error)}).`,
    );
  }
  const records = isRecord(body) ? (body as { Records?: unknown }).Records : undefined;
  if (!Array.isArray(records)) {
    return failure(
      "MalformedLogFile",
      'The file is not a CloudTrail log file: it has no "Records" array.',
    );
  }
  if (!records.every(isRecord)) {
    return failure(
      "MalformedLogFile",
      'The file is not a CloudTrail log file: an entry of its "Records" array is not an event object.',
    );
  }
  const { notBeforeMs } = opts;
  if (notBeforeMs === undefined) return { ok: true, events: records.length };
  const kept = records.filter((r) => {
    const time = Date.parse(String((r as { eventTime?: unknown }).eventTime));
    return Number.isNaN(time) || time >= notBeforeMs;
  });
  return { ok: true, events: kept.length };
}

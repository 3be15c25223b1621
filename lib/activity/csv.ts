import type { ActivityEntry } from "@/lib/schemas/activity";

// A spreadsheet treats a cell starting with one of these as a formula (CSV injection); a leading
// apostrophe makes it text. Tab and carriage return count too: some programs strip them and go on.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-neutralised, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const ACTIVITY_CSV_HEADER = [
  "time_utc",
  "email",
  "role",
  "action",
  "outcome",
  "error_code",
  "error_message",
  "import_id",
  "event_data_store_arn",
  "role_arn",
  "s3_uri",
  "region",
  "range_start_utc",
  "range_end_utc",
  "aws_request_id",
  "client_address",
  "request_id",
  "id",
] as const;

/** One line (with CRLF, as RFC 4180 has it) per entry, columns as in {@link ACTIVITY_CSV_HEADER}. */
export function activityCsvLine(entry: ActivityEntry): string {
  return `${[
    entry.occurredAt.toISOString(),
    entry.actorEmail,
    entry.actorRole,
    entry.action,
    entry.outcome,
    entry.errorCode,
    entry.errorMessage,
    entry.importId,
    entry.storeArn,
    entry.roleArn,
    entry.s3Uri,
    entry.region,
    entry.timeRange?.start,
    entry.timeRange?.end,
    entry.awsRequestId,
    entry.clientAddress,
    entry.requestId,
    entry.id,
  ]
    .map(csvCell)
    .join(",")}\r\n`;
}

export function activityCsvHeader(): string {
  return `${ACTIVITY_CSV_HEADER.join(",")}\r\n`;
}

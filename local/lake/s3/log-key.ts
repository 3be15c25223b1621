// How CloudTrail names its log objects, and the dates it reads back out of those names.
// CloudTrail's import date filter works on these names, not on the events inside the files.

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** `…/CloudTrail/<region>/YYYY/MM/DD/<file>`: a trail log file directly inside its day folder. */
const TRAIL_LOG_KEY_RE = /(?:^|\/)CloudTrail\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/;
const DAY_FOLDER_RE = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/$/;
const FILE_STAMP_RE = /(?:^|_)(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z(?=[_.]|$)/;

/** An inclusive time range; a missing side is open. */
export type TimeRange = { start?: Date; end?: Date };

/** True when `key` is a trail log file key (not a digest, insight or other service's file). */
export function isTrailLogKey(key: string): boolean {
  return TRAIL_LOG_KEY_RE.test(key);
}

/** Builds a UTC time from parts, or null when the parts are not a real date (e.g. month 13). */
function utc(y: string, mo: string, d: string, h = "00", mi = "00"): number | null {
  const [yy, mm, dd, hh, mn] = [y, mo, d, h, mi].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const t = Date.UTC(yy, mm - 1, dd, hh, mn);
  const back = new Date(t);
  const ok =
    back.getUTCFullYear() === yy &&
    back.getUTCMonth() === mm - 1 &&
    back.getUTCDate() === dd &&
    back.getUTCHours() === hh &&
    back.getUTCMinutes() === mn;
  return ok ? t : null;
}

/** Start (UTC ms) of the day a folder key ending in `YYYY/MM/DD/` names, or null if it names none. */
export function dayFolderStart(folderKey: string): number | null {
  const m = DAY_FOLDER_RE.exec(folderKey);
  return m ? utc(m[1] ?? "", m[2] ?? "", m[3] ?? "") : null;
}

/** The `YYYYMMDDTHHmmZ` delivery stamp in a file name (UTC ms), or null if it has none. */
export function fileNameStamp(fileName: string): number | null {
  const m = FILE_STAMP_RE.exec(fileName);
  return m ? utc(m[1] ?? "", m[2] ?? "", m[3] ?? "", m[4] ?? "", m[5] ?? "") : null;
}

// A folder covers a whole UTC day and a stamp a whole minute; either is kept when that span
// overlaps the range, so a range edge that falls inside a day or minute keeps it.
function overlaps(from: number, until: number, range: TimeRange): boolean {
  if (range.start && until <= range.start.getTime()) return false;
  if (range.end && from > range.end.getTime()) return false;
  return true;
}

/** True unless the folder names a UTC day that lies wholly outside `range`. */
export function dayFolderInRange(folderKey: string, range: TimeRange): boolean {
  const start = dayFolderStart(folderKey);
  return start === null || overlaps(start, start + DAY_MS, range);
}

/** True unless the file name carries a delivery stamp whose minute lies wholly outside `range`. */
export function fileStampInRange(fileName: string, range: TimeRange): boolean {
  const stamp = fileNameStamp(fileName);
  return stamp === null || overlaps(stamp, stamp + MINUTE_MS, range);
}

/** Formats a time as CloudTrail's file-name stamp, `YYYYMMDDTHHmmZ` (UTC). */
export function formatFileStamp(time: Date): string {
  return time.toISOString().slice(0, 16).replace(/[-:]/g, "") + "Z";
}

/** Formats a time as a day folder path, `YYYY/MM/DD` (UTC). */
export function formatDayPath(time: Date): string {
  return time.toISOString().slice(0, 10).replace(/-/g, "/");
}

// Number and date wording shared by the check sentences and the estimate card.

const COUNT = new Intl.NumberFormat("en-US");
const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"] as const;

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Binary units, because S3 and the Lake price list count in 1024s. 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** "1 file", "3 files". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A UTC day as YYYY-MM-DD. */
export function formatDay(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Seconds as "about 3 h 20 min" / "about 45 min" / "under a minute". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

/** "a, b and 3 more" for a few examples out of a longer list. */
export function listSome(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

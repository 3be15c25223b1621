// How imports are written on screen. Pure, shared by server and client code.

/** The first block of an import id, enough to tell rows apart at a glance. */
export function shortImportId(importId: string): string {
  return importId.split("-")[0] ?? importId;
}

/** `2026-01-31 14:05 UTC` (or `2026-01-31 14:05:09 UTC` with seconds); "—" when absent or invalid. */
export function formatUtc(iso: string | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, options.seconds ? 19 : 16)} UTC`;
}

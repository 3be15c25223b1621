import { formatUtc } from "@/lib/imports/format";

/** A timestamp shown in UTC with the "UTC" label, machine-readable through `dateTime`. */
export function UtcTime({ iso, seconds = false }: { iso: string | undefined; seconds?: boolean }) {
  if (!iso) return <span>—</span>;
  return <time dateTime={iso}>{formatUtc(iso, { seconds })}</time>;
}

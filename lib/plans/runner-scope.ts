// Where "one ongoing import" is counted. CloudTrail refuses a second import per account; "region"
// narrows the count to account and Region for accounts where AWS has said that is the rule.
import { parseEventDataStoreArn } from "@/lib/schemas/import";
import type { ObservedImport } from "./observed-import";

export type ImportScope = "account" | "region";

/** Scope key of the store an import writes to: `<account>` or `<account>/<region>`; null if not a store ARN. */
export function scopeOf(destination: string, scope: ImportScope): string | null {
  const parts = parseEventDataStoreArn(destination);
  if (!parts) return null;
  return scope === "account" ? parts.accountId : `${parts.accountId}/${parts.region}`;
}

/** Region of the store, where its imports are started and listed. */
export function regionOf(destination: string): string | null {
  return parseEventDataStoreArn(destination)?.region ?? null;
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "STOPPED"]);

/**
 * Scopes blocked by imports that are not known to be finished, whoever started them. A status
 * this version doesn't know counts as running, and an import whose store can't be read blocks
 * every scope (`"*"`): guessing wrong there would start a second import in some account.
 */
export function busyScopes(imports: readonly ObservedImport[], scope: ImportScope): Set<string> {
  const busy = new Set<string>();
  for (const item of imports) {
    if (TERMINAL.has(item.status)) continue;
    const keys = item.destinations.map((arn) => scopeOf(arn, scope));
    if (keys.length === 0 || keys.some((key) => key === null)) busy.add("*");
    for (const key of keys) if (key !== null) busy.add(key);
  }
  return busy;
}

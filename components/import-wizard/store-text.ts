// Plain words for event data store facts in the destination picker.
import type { EventDataStoreDetails } from "@/lib/cloudtrail/types";

/** A store as the wizard receives it from the page (JSON-safe details). */
export type WizardStore = EventDataStoreDetails;

const STATUS_LABELS: Record<string, string> = {
  CREATED: "Created",
  ENABLED: "Enabled",
  PENDING_DELETION: "Pending deletion",
  STARTING_INGESTION: "Starting ingestion",
  STOPPING_INGESTION: "Stopping ingestion",
  STOPPED_INGESTION: "Stopped ingestion",
  UNKNOWN: "Unknown",
};

/** The store status in words. */
export function storeStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** Why a store can't receive an import, or `null` when it can. */
export function ineligibleReason(store: WizardStore): string | null {
  if (store.acceptsImports) return null;
  if (store.blockedReason === "category") {
    const kinds =
      store.eventCategories.length > 0 ? ` (it collects ${store.eventCategories.join(", ")})` : "";
    return `Not a CloudTrail-event store${kinds}: imports copy CloudTrail events only.`;
  }
  if (store.status === "PENDING_DELETION")
    return "Pending deletion: a store being deleted can't receive events.";
  return `Status ${storeStatusLabel(store.status)}: only Enabled or Stopped-ingestion stores accept imports.`;
}

/** Retention in words, e.g. "2557 days (about 7 years)". */
export function retentionLabel(days: number | undefined): string {
  if (!days) return "Not reported";
  if (days < 365) return `${days} days`;
  const years = Math.round(days / 365);
  return `${days} days (about ${years} ${years === 1 ? "year" : "years"})`;
}

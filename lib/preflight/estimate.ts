// The estimate shown beside the checks: files and bytes from the listing, the uncompressed size
// from gunzipping a few sampled files (CloudTrail bills what it ingests, uncompressed), the cost
// for the store's billing mode, and a duration learned from this account's finished imports.
import type { Estimate } from "@/lib/schemas/preflight";
import type { Fetched, ImportFacts, StoreFacts } from "./facts";
import { plural } from "./format";
import { totalOf } from "./listing";
import type { SourceListing } from "./log-files";
import { ingestionCost, LAKE_PRICING_SOURCE, type LakePrices } from "./pricing";

/** A sampled file: its listed size and its size after gunzip (null when it wasn't gzip). */
export interface SampleMeasurement {
  key: string;
  compressedBytes: number;
  uncompressedBytes: number | null;
}

export interface EstimateFacts {
  listing: Fetched<SourceListing>;
  samples: readonly SampleMeasurement[];
  store: Fetched<StoreFacts>;
  prices: LakePrices;
  /** GetImport details of this account's recent completed imports. */
  history: Fetched<ImportFacts[]>;
}

/** Files per second over completed imports with statistics and timestamps, and how many there were. */
export function importRate(
  history: readonly ImportFacts[],
): { filesPerSecond: number; imports: number } | null {
  const usable = history.flatMap((i) => {
    const files = i.statistics?.filesCompleted ?? 0;
    const seconds =
      i.createdAt && i.updatedAt ? (Date.parse(i.updatedAt) - Date.parse(i.createdAt)) / 1000 : 0;
    return i.status === "COMPLETED" && files > 0 && seconds > 0 ? [{ files, seconds }] : [];
  });
  const seconds = usable.reduce((n, u) => n + u.seconds, 0);
  if (usable.length === 0 || seconds <= 0) return null;
  return {
    filesPerSecond: usable.reduce((n, u) => n + u.files, 0) / seconds,
    imports: usable.length,
  };
}

/** Builds the estimate; parts that can't be known are left out and explained in `notes`. */
export function estimateImport(facts: EstimateFacts): Estimate {
  const notes: string[] = [];
  if (!facts.listing.ok) {
    return {
      files: 0,
      compressedBytes: 0,
      complete: false,
      notes: [
        `The log files couldn't be listed (${facts.listing.permission}), so nothing could be estimated.`,
      ],
    };
  }
  const { tallies, discoveryTruncated } = facts.listing.value;
  const total = totalOf(tallies);
  const complete = !discoveryTruncated && tallies.every((t) => !t.truncated);
  if (!complete)
    notes.push("Listing stopped at its limit, so files, size, cost and duration are lower bounds.");
  const estimate: Estimate = { files: total.files, compressedBytes: total.bytes, complete, notes };

  const measured = facts.samples.filter(
    (s): s is SampleMeasurement & { uncompressedBytes: number } =>
      s.uncompressedBytes !== null && s.compressedBytes > 0,
  );
  const compressed = measured.reduce((n, s) => n + s.compressedBytes, 0);
  if (measured.length > 0 && compressed > 0) {
    const ratio = measured.reduce((n, s) => n + s.uncompressedBytes, 0) / compressed;
    estimate.uncompressed = { bytes: total.bytes * ratio, sampledFiles: measured.length, ratio };
    const billingMode = facts.store.ok ? facts.store.value.billingMode : undefined;
    const cost = ingestionCost(estimate.uncompressed.bytes, billingMode, facts.prices);
    estimate.cost = {
      ...cost,
      billingMode: billingMode ?? "EXTENDABLE_RETENTION_PRICING",
      source: LAKE_PRICING_SOURCE,
    };
  } else {
    notes.push(
      "No sampled file could be downloaded and gunzipped, so the uncompressed size and the cost are unknown.",
    );
  }
  if (facts.samples.length > measured.length) {
    notes.push(
      `${plural(facts.samples.length - measured.length, "sampled file")} wasn't gzip or couldn't be read, and was left out of the ratio.`,
    );
  }

  const rate = facts.history.ok ? importRate(facts.history.value) : null;
  if (rate) {
    estimate.duration = {
      seconds: total.files / rate.filesPerSecond,
      basis: `At ${plural(Math.round(rate.filesPerSecond * 60), "file")} a minute, the average of ${plural(rate.imports, "completed import")} in this account.`,
    };
  } else {
    notes.push(
      facts.history.ok
        ? "No completed import in this account has statistics yet, so there is no duration estimate."
        : `Past imports couldn't be read (${facts.history.permission}), so there is no duration estimate.`,
    );
  }
  return estimate;
}

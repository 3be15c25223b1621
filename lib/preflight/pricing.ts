// CloudTrail Lake ingestion prices, and what an import of a given size costs.
//
// Defaults are the us-east-1 list prices on https://aws.amazon.com/cloudtrail/pricing/ (price
// list effective 2025-07-01). Rows used:
// - EXTENDABLE_RETENTION_PRICING: "Ingestion: AWS CloudTrail events", $0.75 per GB. Imported trail
//   events are CloudTrail events, so the cheaper "other event sources" row ($0.50) doesn't apply.
// - FIXED_RETENTION_PRICING (ingestion includes 7 years of retention): $2.50 per GB for the first
//   5 TB a month, $1.00 per GB for the next 20 TB, $0.50 per GB above 25 TB.
// Assumed: CloudTrail bills the uncompressed size of what it ingests (it unzips the logs); GB
// means 2^30 bytes; this import is the only ingestion of its month (fixed-mode tiers start at
// zero); no free-trial allowance; no extended-retention, query or KMS charges. Other Regions
// differ, so a deployment sets its own prices in the environment.
import { z } from "zod";

export const LAKE_PRICING_SOURCE = "https://aws.amazon.com/cloudtrail/pricing/";

const GB = 2 ** 30;
const TB = 1024 * GB;

export interface LakePrices {
  /** USD per GB, extendable retention mode. */
  extendablePerGb: number;
  /** USD per GB for each monthly volume tier of the fixed retention mode, smallest tier first. */
  fixedTiers: { upToBytes: number; perGb: number }[];
}

export const DEFAULT_LAKE_PRICES: LakePrices = {
  extendablePerGb: 0.75,
  fixedTiers: [
    { upToBytes: 5 * TB, perGb: 2.5 },
    { upToBytes: 25 * TB, perGb: 1.0 },
    { upToBytes: Number.POSITIVE_INFINITY, perGb: 0.5 },
  ],
};

const price = z.coerce.number().nonnegative().optional();

/** Optional overrides, validated with the rest of the server environment in lib/env.ts. */
export const lakePriceEnvSchema = z.object({
  LAKE_PRICE_EXTENDABLE_PER_GB: price,
  LAKE_PRICE_FIXED_FIRST_5TB_PER_GB: price,
  LAKE_PRICE_FIXED_NEXT_20TB_PER_GB: price,
  LAKE_PRICE_FIXED_OVER_25TB_PER_GB: price,
});

/** Prices from the environment, each falling back to the documented us-east-1 default. */
export function lakePricesFromEnv(env: Record<string, unknown>): LakePrices {
  const e = lakePriceEnvSchema.parse(env);
  const [first, next, over] = DEFAULT_LAKE_PRICES.fixedTiers;
  return {
    extendablePerGb: e.LAKE_PRICE_EXTENDABLE_PER_GB ?? DEFAULT_LAKE_PRICES.extendablePerGb,
    fixedTiers: [
      { upToBytes: 5 * TB, perGb: e.LAKE_PRICE_FIXED_FIRST_5TB_PER_GB ?? first?.perGb ?? 2.5 },
      { upToBytes: 25 * TB, perGb: e.LAKE_PRICE_FIXED_NEXT_20TB_PER_GB ?? next?.perGb ?? 1 },
      {
        upToBytes: Number.POSITIVE_INFINITY,
        perGb: e.LAKE_PRICE_FIXED_OVER_25TB_PER_GB ?? over?.perGb ?? 0.5,
      },
    ],
  };
}

export interface IngestionCost {
  usd: number;
  basis: string;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

/** What ingesting `uncompressedBytes` costs in `billingMode` (extendable when unknown). */
export function ingestionCost(
  uncompressedBytes: number,
  billingMode: string | undefined,
  prices: LakePrices,
): IngestionCost {
  const assumed =
    "billed on uncompressed size; GB = 2^30 bytes; excludes free trial, retention beyond the included period and queries";
  if (billingMode !== "FIXED_RETENTION_PRICING") {
    const mode =
      billingMode === "EXTENDABLE_RETENTION_PRICING"
        ? "Extendable retention pricing"
        : "Extendable retention pricing (the store's mode wasn't reported; it is the default)";
    return {
      usd: (uncompressedBytes / GB) * prices.extendablePerGb,
      basis: `${mode}: ${usd(prices.extendablePerGb)} per GB of CloudTrail events; ${assumed}.`,
    };
  }
  let total = 0;
  let from = 0;
  for (const tier of prices.fixedTiers) {
    const inTier = Math.max(0, Math.min(uncompressedBytes, tier.upToBytes) - from);
    total += (inTier / GB) * tier.perGb;
    from = tier.upToBytes;
    if (uncompressedBytes <= tier.upToBytes) break;
  }
  const tiers = prices.fixedTiers.map((t) => usd(t.perGb)).join(" / ");
  return {
    usd: total,
    basis: `Fixed retention pricing, monthly tiers ${tiers} per GB (first 5 TB / next 20 TB / over 25 TB), assuming no other ingestion this month; ${assumed}.`,
  };
}

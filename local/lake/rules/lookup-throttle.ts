// LookupEvents is rate-limited per account and Region (2 requests per second on AWS). A token
// bucket per key holds `rate` tokens and refills `rate` per second, so a burst of `rate` calls
// passes at once and later ones are spread out; 0 turns the limit off.

export class LookupThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  readonly rate: number;

  constructor(rate: number) {
    this.rate = rate;
  }

  /** Takes a token for `key`; false means the call must be refused with ThrottlingException. */
  take(key: string, now: number): boolean {
    if (this.rate <= 0) return true;
    const bucket = this.buckets.get(key) ?? { tokens: this.rate, at: now };
    bucket.tokens = Math.min(this.rate, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** Parses LOCAL_LAKE_LOOKUP_RATE (calls per second; 0 = unlimited; default 2). */
export function lookupRateFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 2;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate < 0)
    throw new Error(
      `LOCAL_LAKE_LOOKUP_RATE must be a number of calls per second, 0 for no limit (got "${raw}").`,
    );
  return rate;
}

export type OngoingScope = "account" | "region";

/** Parses LOCAL_LAKE_ONGOING_SCOPE (default "account"). */
export function ongoingScopeFromEnv(raw: string | undefined): OngoingScope {
  if (raw === undefined || raw === "" || raw === "account") return "account";
  if (raw === "region") return "region";
  throw new Error(`LOCAL_LAKE_ONGOING_SCOPE must be "account" or "region" (got "${raw}").`);
}

// A tiny seeded PRNG (mulberry32) so the demo bucket is byte-for-byte the same for a seed.
// Not for anything secret.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";

/** Deterministic random helpers driven by one 32-bit seed. */
export type Rng = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** One item of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  /** One item of a non-empty list, chosen by weight. */
  weighted: <T extends { weight: number }>(items: readonly T[]) => T;
  /** `length` characters from `alphabet` (default: upper/lower letters and digits). */
  chars: (length: number, alphabet?: string) => string;
  /** A random (version 4 shaped) UUID. */
  uuid: () => string;
};

export const ALPHABETS = { ALNUM, UPPER_ALNUM, HEX } as const;

/** Creates a generator; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const at = <T>(items: readonly T[], index: number): T => {
    const item = items[index];
    if (item === undefined) throw new Error("Cannot pick from an empty list");
    return item;
  };
  const chars = (length: number, alphabet: string = ALNUM): string => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
    return out;
  };
  return {
    next,
    int,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    weighted: (items) => {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let roll = next() * total;
      for (const item of items) {
        roll -= item.weight;
        if (roll < 0) return item;
      }
      return at(items, items.length - 1);
    },
    chars,
    uuid: () => {
      const h = chars(32, HEX);
      const variant = HEX.charAt(8 + Math.floor(next() * 4));
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
    },
  };
}

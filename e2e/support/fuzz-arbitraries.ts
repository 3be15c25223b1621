// fast-check generators for hostile inputs: wrong types, huge strings, unicode, prototype-pollution keys,
// missing and extra fields. Shared by e2e/fuzz.spec.ts; sizes stay under the actions' 100 kB body limit.
import fc from "fast-check";
import { STORES } from "../../local/lake/seed/constants";

/** Lake error codes that mean the app let an invalid value through to CloudTrail. */
export const INVALID_PARAMETER_ERRORS = new Set([
  "InvalidParameterException",
  "SerializationException",
  "EventDataStoreARNInvalidException",
  "InvalidMaxResultsException",
  "InvalidTimeRangeException",
  "UnknownOperationException",
  "RequestEntityTooLargeException",
]);

const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
];

/** Strings an attacker likes: unicode of every plane, control characters, injection-looking text, near-valid ids. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "$@0",
    "$K1",
    "\u202e\u0041",
    "😀".repeat(50),
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "us-east-1\n",
    " us-east-1",
    "US-EAST-1",
    "0C2F5E1A-9B8D-4C7E-A6F5-4E3D2C1B0A99",
    "0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a9",
    "0c2f5e1a-9b8d-4c7e-a6f5-4e3d2c1b0a990",
    "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    `${STORES.demo.arn}/../x`,
    STORES.demo.arn.toUpperCase(),
    "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/",
    "s3://",
    "s3://UPPER/",
    "s3://a/",
  ),
);

/** Bytes `char` takes inside a JSON string (control characters become \\u escapes). */
function jsonBytes(char: string): number {
  return new TextEncoder().encode(JSON.stringify(char).slice(1, -1)).length;
}

/** Huge strings: 10 kB to 90 kB (as JSON text) of one repeated character, ASCII or multi-byte. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("a", "0", "-", "é", "😀", "\u0000"),
    fc.integer({ min: 10_000, max: 90_000 }),
  )
  .map(([char, bytes]) => char.repeat(Math.floor(bytes / jsonBytes(char))));

/** A lower-case UUID: shape-valid ids that CloudTrail will not know. */
export const uuid: fc.Arbitrary<string> = fc.uuid();

/** Values of every JSON type, including nested hostile objects. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}),
);

/** An object with `keys` mixed between expected, missing, extra and prototype-pollution keys. */
export function hostileObject(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const fieldEntries = Object.entries(fields);
  return fc
    .tuple(
      fc.subarray(fieldEntries),
      fc.dictionary(
        fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })),
        anyJson,
        { maxKeys: 3 },
      ),
      fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), anyJson), { maxLength: 2 }),
    )
    .chain(([chosen, extra, pollution]) =>
      fc.tuple(...chosen.map(([, arb]) => arb)).map((values) => {
        const out: Record<string, unknown> = {};
        // defineProperty: a plain assignment of "__proto__" would set the prototype instead of a key.
        const put = (key: string, value: unknown) =>
          Object.defineProperty(out, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        chosen.forEach(([key], index) => put(key, values[index]));
        for (const [key, value] of Object.entries(extra)) put(key, value);
        for (const [key, value] of pollution) put(key, value);
        return out;
      }),
    );
}

/** A field value: usually near the valid shape, often the wrong type, sometimes huge. */
export function fieldValue(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: hostileString },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: hugeString },
  );
}

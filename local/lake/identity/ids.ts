// AWS-shaped identifiers. Stable ones (user and role ids) derive from the name so they survive a
// restart without being stored; credentials are random.
import { createHash, randomBytes } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function fromBytes(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += UPPER_ALNUM[(bytes[i] ?? 0) % UPPER_ALNUM.length];
  return out;
}

/** A stable unique id with an IAM prefix, e.g. `stableId("AROA", roleArn)` → `AROA` + 17 chars. */
export function stableId(prefix: "AIDA" | "AROA", name: string): string {
  return prefix + fromBytes(createHash("sha256").update(name).digest(), 17);
}

/** A new temporary access key id, `ASIA` + 16 characters like STS issues. */
export function newTemporaryAccessKeyId(): string {
  return "ASIA" + fromBytes(randomBytes(16), 16);
}

/** A 40-character secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString("base64").replace(/[+/]/g, "A").slice(0, 40);
}

/** An opaque session token (real ones are a few hundred base64 characters). */
export function newSessionToken(): string {
  return "IQoJb3JpZ2luX2VjE" + randomBytes(180).toString("base64");
}

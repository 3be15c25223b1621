// Not marked server-only: the local world's webhook receiver verifies with it under plain Node.
// Standard Webhooks (v1, HMAC-SHA256) signing and verification for outgoing notifications.
// The signature covers the exact bytes sent: callers sign the body string they will POST and
// verify the raw body they received, never JSON re-serialised from a parsed object.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Receivers reject timestamps further than this from their clock, either way (replay guard). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
const PREFIX = "whsec_";

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The HMAC key inside a `whsec_<base64>` secret; throws on a secret that isn't 24–64 random bytes. */
export function webhookKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error("Webhook secrets start with whsec_");
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    throw new Error("The part after whsec_ must be base64");
  const key = Buffer.from(encoded, "base64");
  if (key.length < 24 || key.length > 64)
    throw new Error("Webhook secrets hold 24–64 bytes of key");
  return key;
}

function signature(key: Buffer, id: string, timestamp: string, body: string): string {
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/**
 * Headers for one delivery attempt. `id` stays the same on every retry of one event (receivers
 * de-duplicate on it); `timestamp` is this attempt's time in whole seconds.
 */
export function signWebhook(input: {
  secret: string;
  id: string;
  timestamp: number;
  body: string;
}): WebhookHeaders {
  if (input.id.includes(".")) throw new Error("A webhook id must not contain a dot");
  const timestamp = String(Math.floor(input.timestamp));
  return {
    "webhook-id": input.id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${signature(webhookKey(input.secret), input.id, timestamp, input.body)}`,
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks a received webhook: the three headers present, the timestamp within the tolerance of
 * `nowSeconds`, and one of the space-separated `v1,` signatures equal (in constant time) to ours.
 */
export function verifyWebhook(input: {
  secret: string;
  headers: Partial<Record<keyof WebhookHeaders, string | null>>;
  body: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const id = input.headers["webhook-id"];
  const timestamp = input.headers["webhook-timestamp"];
  const signatures = input.headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return { ok: false, reason: "Missing webhook headers" };
  if (id.includes(".") || !/^\d+$/.test(timestamp))
    return { ok: false, reason: "Malformed webhook-id or webhook-timestamp" };
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - Number(timestamp)) > tolerance) {
    return { ok: false, reason: "Timestamp outside the tolerance" };
  }
  const expected = Buffer.from(
    signature(webhookKey(input.secret), id, timestamp, input.body),
    "base64",
  );
  for (const entry of signatures.split(" ")) {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: "No matching signature" };
}

// Opaque page tokens: the cursor plus the request's scope (operation, Region, filters), signed
// with the Lake's persisted secret. Any edit, or reuse with different filters, is rejected as
// InvalidNextTokenException, and a random nonce makes every token differ (botocore's paginator
// stops with an error if it sees the same token twice in a row).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { invalidNextToken } from "./errors.ts";

type Payload = { s: string; c: unknown; n: string };

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url").slice(0, 32);
}

/** Encodes `cursor` for `scope` (e.g. `ListImports|us-east-1|<filters>`); 4–1000 chars as the model requires. */
export function encodePageToken(secret: string, scope: string, cursor: unknown): string {
  const payload: Payload = { s: scope, c: cursor, n: randomBytes(6).toString("base64url") };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const token = `${body}.${sign(secret, body)}`;
  if (token.length > 1000) throw new Error("page token too long; keep cursors small");
  return token;
}

/** Returns the cursor inside `token`, or throws InvalidNextTokenException if it was not issued for `scope`. */
export function decodePageToken(secret: string, scope: string, token: string): unknown {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) throw invalidNextToken();
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalidNextToken();
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    throw invalidNextToken();
  }
  if (payload.s !== scope) throw invalidNextToken();
  return payload.c;
}

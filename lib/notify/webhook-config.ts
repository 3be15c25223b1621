// Where notifications go: NOTIFY_WEBHOOKS, validated with the rest of the environment. Endpoints
// come only from here, never from a row or a person's input, so a plan cannot send data to a URL
// of its author's choosing.
import { createHash } from "node:crypto";
import { z } from "zod";
import { webhookKey } from "./signing";

export const WEBHOOK_KINDS = ["slack", "teams", "generic"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface WebhookEndpoint {
  kind: WebhookKind;
  url: string;
  /** Standard Webhooks secret for generic endpoints (`whsec_…`). */
  secret?: string;
  /** Stable name of the endpoint in the outbox: kind plus a hash of the URL, never the URL itself. */
  channel: string;
}

const secretSchema = z.string().refine(
  (value) => {
    try {
      webhookKey(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be whsec_ followed by base64 of 24–64 random bytes" },
);

const entrySchema = z.object({
  kind: z.enum(WEBHOOK_KINDS, { error: "kind must be slack, teams or generic" }),
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }),
  secret: secretSchema.optional(),
});

/** `kind=url,kind=url` as a shorter alternative to JSON, for endpoints that share NOTIFY_WEBHOOK_SECRET. */
function fromList(value: string): unknown {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf("=");
      return at < 0 ? { url: item } : { kind: item.slice(0, at).trim(), url: item.slice(at + 1) };
    });
}

/** NOTIFY_WEBHOOKS: a JSON array of `{kind, url, secret?}` or a comma list of `kind=url`. */
export const webhooksEnvSchema = z
  .string()
  .transform((value, ctx): unknown => {
    const text = value.trim();
    if (!text.startsWith("[")) return fromList(text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.array(entrySchema).max(20, "lists at most 20 endpoints"));

export function channelOf(kind: WebhookKind, url: string): string {
  return `${kind}:${createHash("sha256").update(url).digest("hex").slice(0, 16)}`;
}

/** Endpoints with their outbox channel and the shared secret filled in for generic ones. */
export function webhookEndpoints(
  entries: readonly z.output<typeof entrySchema>[],
  sharedSecret: string | undefined,
): WebhookEndpoint[] {
  return entries.map((entry) => {
    const secret = entry.secret ?? (entry.kind === "generic" ? sharedSecret : undefined);
    return {
      kind: entry.kind,
      url: entry.url,
      ...(secret ? { secret } : {}),
      channel: channelOf(entry.kind, entry.url),
    };
  });
}

export const webhookSecretSchema = secretSchema;

import "server-only";
// Sends due outbox rows to their endpoints, after the tick's transactions have committed. Each
// attempt is counted in the row before the POST, so two senders never send the same attempt, and
// its outcome goes to the activity log, where an administrator can see a receiver failing.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { activityLog } from "@/lib/db/activity";
import { outboxStore } from "@/lib/db/notifications";
import { nextDelivery } from "./delivery";
import { NOTIFICATION_KINDS, type NotificationEvent } from "./events";
import { signWebhook } from "./signing";
import type { WebhookEndpoint } from "./webhook-config";
import { genericPayload, slackPayload, teamsPayload } from "./webhook-payloads";

const SEND_TIMEOUT_MS = 10_000;
/** Longer than a send can take, so a sender that died mid-attempt leaves the row for the next tick. */
const SEND_LEASE_MS = 60_000;

const count = z.number().int().min(0);
const eventSchema: z.ZodType<NotificationEvent> = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  id: z.string().min(1),
  occurredAt: z.string(),
  planId: z.string(),
  planName: z.string().optional(),
  destination: z.string(),
  chunkId: z.string().optional(),
  chunkLabel: z.string().optional(),
  importId: z.string().optional(),
  reason: z.string().optional(),
  counts: z
    .object({ completed: count, failed: count, stopped: count, skipped: count, total: count })
    .optional(),
  eventsCompleted: count.optional(),
});

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  gaveUp: number;
}

// Standard Webhooks ids may not contain a dot; event ids are made of kinds, colons and UUIDs.
const webhookId = (eventId: string) => eventId.replace(/\./g, "_");

/** The request for one endpoint: the exact body string is what gets signed. */
export function webhookRequest(
  endpoint: WebhookEndpoint,
  event: NotificationEvent,
  appUrl: string,
  nowSeconds: number,
): { body: string; headers: Record<string, string> } {
  const json = { "content-type": "application/json" };
  if (endpoint.kind === "slack")
    return { body: JSON.stringify(slackPayload(event, appUrl)), headers: json };
  if (endpoint.kind === "teams")
    return { body: JSON.stringify(teamsPayload(event, appUrl)), headers: json };
  const body = JSON.stringify(genericPayload(event));
  if (!endpoint.secret) return { body, headers: json };
  const signed = signWebhook({
    secret: endpoint.secret,
    id: webhookId(event.id),
    timestamp: nowSeconds,
    body,
  });
  return { body, headers: { ...json, ...signed } };
}

async function post(url: string, request: { body: string; headers: Record<string, string> }) {
  try {
    const response = await fetch(url, {
      method: "POST",
      body: request.body,
      headers: request.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch {
    return { status: undefined, retryAfter: null };
  }
}

/** Sends every due notification once (up to `limit`), recording each outcome. */
export async function deliverDueNotifications(input: {
  now: Date;
  endpoints: readonly WebhookEndpoint[];
  appUrl: string;
  database?: Database;
  random?: () => number;
  limit?: number;
}): Promise<DeliveryReport> {
  const outbox = outboxStore(input.database);
  const activity = activityLog(input.database);
  const report: DeliveryReport = { delivered: 0, retrying: 0, gaveUp: 0 };
  const rows = await outbox.due(input.now, input.limit ?? 50);
  for (const row of rows) {
    const endpoint = input.endpoints.find((item) => item.channel === row.channel);
    const parsed = eventSchema.safeParse(row.payload);
    if (!endpoint || !parsed.success) {
      const reason = endpoint
        ? "The stored event could not be read."
        : "The endpoint is no longer in NOTIFY_WEBHOOKS.";
      await outbox.record(row, { gaveUpAt: input.now, lastError: reason });
      report.gaveUp += 1;
      continue;
    }
    if (!(await outbox.claim(row, new Date(), SEND_LEASE_MS))) continue;
    const event = parsed.data;
    const attempt = row.attempts + 1;
    const sentAt = new Date();
    const answer = await post(
      endpoint.url,
      webhookRequest(endpoint, event, input.appUrl, sentAt.getTime() / 1000),
    );
    const outcome = nextDelivery({
      attempt,
      status: answer.status,
      retryAfter: answer.retryAfter,
      now: new Date(),
      random: input.random ?? Math.random,
    });
    const done = new Date();
    if (outcome.outcome === "delivered") {
      await outbox.record(row, { deliveredAt: done, lastError: null });
      report.delivered += 1;
    } else if (outcome.outcome === "retry") {
      await outbox.record(row, { nextAttemptAt: outcome.at, lastError: outcome.reason });
      report.retrying += 1;
    } else {
      await outbox.record(row, { gaveUpAt: done, lastError: outcome.reason });
      if (outcome.outcome === "disable")
        await outbox.disableChannel(row.channel, done, outcome.reason);
      report.gaveUp += 1;
    }
    await activity.append({
      action: `notify-${endpoint.kind}`,
      outcome: outcome.outcome === "delivered" ? "ok" : "failed",
      ...(outcome.outcome === "delivered"
        ? {}
        : {
            errorCode: answer.status === undefined ? "no-response" : `http-${answer.status}`,
            errorMessage: `Attempt ${attempt}: ${outcome.reason}`,
          }),
      storeArn: event.destination,
      ...(event.importId ? { importId: event.importId } : {}),
      requestId: event.id.slice(0, 128),
      occurredAt: done,
    });
  }
  return report;
}

// When to try a webhook delivery again. Any 2xx is delivered. 410 Gone means the receiver asks to
// be left alone, so the endpoint is disabled. Everything else, a redirect included (following it
// could send a signed body somewhere unintended), is a failure retried with backoff until the
// attempts run out; a Retry-After the receiver sends is honoured when it asks for longer.
import { backoffDelay } from "@/lib/backoff";

export const DELIVERY_BASE_MS = 5_000;
export const DELIVERY_MAX_DELAY_MS = 10 * 60 * 60_000;
/** Eight attempts with these delays span roughly a day, as the Standard Webhooks schedule does. */
export const DELIVERY_MAX_ATTEMPTS = 8;

export type DeliveryOutcome =
  | { outcome: "delivered" }
  | { outcome: "retry"; at: Date; reason: string }
  | { outcome: "give-up"; reason: string }
  | { outcome: "disable"; reason: string };

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - now.getTime()) : null;
}

/**
 * What to do after attempt number `attempt` (1 for the first) ended with HTTP `status`, or with
 * no response at all (`status` undefined: network error or timeout).
 */
export function nextDelivery(input: {
  attempt: number;
  status?: number;
  retryAfter?: string | null;
  now: Date;
  random: () => number;
}): DeliveryOutcome {
  const { status, attempt, now } = input;
  if (status !== undefined && status >= 200 && status < 300) return { outcome: "delivered" };
  if (status === 410) return { outcome: "disable", reason: "The receiver answered 410 Gone" };
  const reason =
    status === undefined
      ? "No response (network error or timeout)"
      : status >= 300 && status < 400
        ? `The receiver redirected (${status}); redirects are not followed`
        : `The receiver answered ${status}`;
  if (attempt >= DELIVERY_MAX_ATTEMPTS)
    return { outcome: "give-up", reason: `${reason}; gave up after ${attempt} attempts` };
  const backoff = backoffDelay(attempt, {
    baseMs: DELIVERY_BASE_MS,
    maxMs: DELIVERY_MAX_DELAY_MS,
    random: input.random,
  });
  const asked = retryAfterMs(input.retryAfter, now);
  const delay = asked === null ? backoff : Math.min(Math.max(asked, backoff), 24 * 60 * 60_000);
  return { outcome: "retry", at: new Date(now.getTime() + delay), reason };
}

import "server-only";
// advancePlans(): one tick of the backfill runner (docs/backfill-plans.md, "The tick"). Its
// callers are thin: the cron route, an interval in a long-running server, and plan pages through
// advancePlansSoon(). The lease in the database makes any number of them safe at once.
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { activityLog } from "@/lib/db/activity";
import { planRunnerStore } from "@/lib/db/plan-runner";
import { serverEnv } from "@/lib/env";
import { type DeliveryReport, deliverDueNotifications } from "@/lib/notify/deliver";
import type { WebhookEndpoint } from "@/lib/notify/webhook-config";
import { applyEffects } from "./apply-effects";
import { DEFAULT_RUNNER_OPTIONS, type RunnerOptions } from "./chunk-step";
import { observe } from "./observe";
import { decideTick } from "./runner-decision";

export const RUNNER_LOCK = "plans";
/** Longer than a tick's worst case; frees the lease of a run that died. */
export const RUNNER_LOCK_TTL_MS = 5 * 60_000;

export interface TickReport {
  /** False when another run held the lease; nothing else was done. */
  ran: boolean;
  plans: number;
  /** Effects applied, by type. */
  applied: Record<string, number>;
  /** Effects whose conditional update matched no row (someone else got there first). */
  skipped: number;
  /** Import ids started or retried this tick. */
  started: string[];
  /** CloudTrail and database calls that failed; the next tick tries again. */
  problems: string[];
  notifications: DeliveryReport;
}

export interface AdvanceInput {
  now: Date;
  /** Tests pass their own database; the app uses its pool. */
  database?: Database;
  random?: () => number;
  options?: Partial<RunnerOptions>;
  /** Default: NOTIFY_WEBHOOKS. */
  endpoints?: readonly WebhookEndpoint[];
  /** Public origin for links in notifications. Default: NEXTAUTH_URL. */
  appUrl?: string;
}

const NO_DELIVERIES: DeliveryReport = { delivered: 0, retrying: 0, gaveUp: 0 };

/** The app's origin (and base path) without the /api/auth suffix NEXTAUTH_URL may carry. */
function appOrigin(): string {
  return serverEnv()
    .NEXTAUTH_URL.replace(/\/$/, "")
    .replace(/\/api\/auth$/, "");
}

/** Runs one tick unless another is running; see docs/backfill-plans.md for what it guarantees. */
export async function advancePlans(input: AdvanceInput): Promise<TickReport> {
  const { now } = input;
  const store = planRunnerStore(input.database);
  const holder = randomUUID();
  const report: TickReport = {
    ran: false,
    plans: 0,
    applied: {},
    skipped: 0,
    started: [],
    problems: [],
    notifications: NO_DELIVERIES,
  };
  if (!(await store.tryLock(RUNNER_LOCK, holder, RUNNER_LOCK_TTL_MS, now))) return report;
  report.ran = true;
  try {
    const env = serverEnv();
    const options: Partial<RunnerOptions> = {
      notifyEachImport: env.NOTIFY_IMPORT_COMPLETED,
      ...input.options,
    };
    const endpoints = input.endpoints ?? env.NOTIFY_WEBHOOKS;
    const random = input.random ?? Math.random;
    const plans = await store.loadTickPlans();
    report.plans = plans.length;
    if (plans.length > 0) {
      const seen = await observe(plans, options.scope ?? DEFAULT_RUNNER_OPTIONS.scope);
      const effects = decideTick({
        now,
        plans,
        imports: seen.imports,
        listedScopes: seen.listedScopes,
        random,
        options,
      });
      const applied = await applyEffects(effects, {
        now,
        plans,
        store,
        activity: activityLog(input.database),
        channels: endpoints.map((endpoint) => endpoint.channel),
        random,
        options,
      });
      Object.assign(report, {
        applied: applied.applied,
        skipped: applied.skipped,
        started: applied.started,
        problems: [...seen.problems, ...applied.problems],
      });
    }
    report.notifications = await deliverDueNotifications({
      now: new Date(),
      endpoints,
      appUrl: input.appUrl ?? appOrigin(),
      database: input.database,
      random,
    });
    return report;
  } finally {
    await store.unlock(RUNNER_LOCK, holder);
  }
}

const SOON_MIN_GAP_MS = 10_000;
const KEY = Symbol.for("trail-imports.plan-runner");
export type RunnerState = { lastSoon: number; interval?: ReturnType<typeof setInterval> };
const registry = globalThis as typeof globalThis & { [KEY]?: RunnerState };

// Per process, not per bundle: pages, route handlers and instrumentation are bundled separately.
export function runnerState(): RunnerState {
  registry[KEY] ??= { lastSoon: 0 };
  return registry[KEY];
}

export function logTickFailure(error: unknown): void {
  console.error(
    `The plan runner's tick failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Starts a tick in the background at most once per 10 s per process; plan pages call it so
 * plans move while someone looks, even where no cron or interval runs.
 */
export function advancePlansSoon(now: number = Date.now()): void {
  const current = runnerState();
  if (now - current.lastSoon < SOON_MIN_GAP_MS) return;
  current.lastSoon = now;
  advancePlans({ now: new Date(now) }).catch(logTickFailure);
}

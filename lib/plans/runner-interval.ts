import "server-only";
// The interval caller of advancePlans() in a long-running server (a container, `next start`).
import { serverEnv } from "@/lib/env";
import { advancePlans, logTickFailure, runnerState } from "./advance";

/**
 * Ticks every PLAN_RUNNER_INTERVAL_SECONDS in a long-running server (0 turns it off). Not on
 * Vercel, where instances freeze between requests and the cron route ticks instead.
 */
export function startPlanRunnerInterval(): boolean {
  const seconds = serverEnv().PLAN_RUNNER_INTERVAL_SECONDS;
  const current = runnerState();
  if (process.env.VERCEL || seconds === 0 || current.interval) return false;
  current.interval = setInterval(() => {
    advancePlans({ now: new Date() }).catch(logTickFailure);
  }, seconds * 1000);
  // The interval alone must not keep a stopping server alive.
  current.interval.unref();
  return true;
}

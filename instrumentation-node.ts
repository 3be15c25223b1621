/**
 * Stops the server at start-up when a variable is missing or malformed, printing one line per variable,
 * instead of letting it half-work until the first sign-in or AWS call.
 */
export async function validateEnvironmentOrExit(): Promise<void> {
  // `next build` loads instrumentation too, without the deployment's environment.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { serverEnv } = await import("@/lib/env");
  try {
    serverEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error("Trail Imports did not start: fix the variables above (see .env.example).");
    process.exit(1);
  }
  const { prepareDatabase } = await import("@/lib/db/startup");
  try {
    await prepareDatabase();
  } catch (error) {
    // A schema newer than this code, a broken migrations folder, or an embedded folder another process holds.
    console.error(error instanceof Error ? error.message : error);
    console.error("Trail Imports did not start: its database cannot be used as it is.");
    process.exit(1);
  }
  const { startPlanRunnerInterval } = await import("@/lib/plans/runner-interval");
  startPlanRunnerInterval();
}

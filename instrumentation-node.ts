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
}

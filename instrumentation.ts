/** Runs once when the server starts; see instrumentation-node.ts. */
export async function register(): Promise<void> {
  // Written as Next's docs do, so the edge build drops the Node-only module instead of warning about it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit } = await import("./instrumentation-node");
    await validateEnvironmentOrExit();
  }
}

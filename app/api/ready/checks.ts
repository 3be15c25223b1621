import "server-only";
import { activityAppendFailures } from "@/lib/audit";
import { probeCloudTrail } from "@/lib/cloudtrail";
import { checkDatabase } from "@/lib/db/health";
import { type ServerEnv, serverEnv } from "@/lib/env";

/** One dependency's state. `detail` is a short, fixed phrase or an error code: never a secret or AWS's text. */
export type CheckResult = { status: "ok" | "fail"; ms: number; detail?: string };
export type Readiness = {
  status: "ready" | "not-ready";
  checks: Record<"config" | "idp" | "cloudtrail" | "database", CheckResult>;
  /**
   * Audit entries this process wrote to stdout but could not append to the activity log since it started.
   * Reported, not a reason to be unready: each one is on stdout in full (an error line), and the database
   * check already fails while the database is unreachable. A number that keeps growing while that check
   * passes means appends fail for another reason; see the server log.
   */
  activityAppendFailures: number;
};

const IDP_TIMEOUT_MS = 3_000;
const CLOUDTRAIL_TIMEOUT_MS = 5_000;

async function timed(run: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const failure = await run();
    const ms = Math.round(performance.now() - started);
    return failure ? { status: "fail", ms, detail: failure } : { status: "ok", ms };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const detail =
      error instanceof Error && error.name === "TimeoutError" ? "timed out" : undefined;
    return { status: "fail", ms, detail: detail ?? "unreachable" };
  }
}

function checkIdp(env: ServerEnv): Promise<CheckResult> {
  return timed(async () => {
    const url = `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`;
    const response = await fetch(url, {
      signal: AbortSignal.timeout(IDP_TIMEOUT_MS),
      cache: "no-store",
    });
    if (!response.ok) return `discovery answered HTTP ${response.status}`;
    const body = (await response.json()) as { issuer?: unknown };
    return typeof body.issuer === "string" ? undefined : "discovery document has no issuer";
  });
}

function checkCloudTrail(): Promise<CheckResult> {
  return timed(() => probeCloudTrail(CLOUDTRAIL_TIMEOUT_MS));
}

function checkDatabaseReady(): Promise<CheckResult> {
  return timed(async () => {
    const health = await checkDatabase();
    return health.ok ? undefined : health.reason;
  });
}

/** Config, then IdP discovery, a cheap CloudTrail call and the database in parallel, each bounded in time. */
export async function checkReadiness(): Promise<Readiness> {
  let env: ServerEnv;
  const started = performance.now();
  try {
    env = serverEnv();
  } catch {
    const failed: CheckResult = {
      status: "fail",
      ms: 0,
      detail: "skipped: configuration is invalid",
    };
    return {
      status: "not-ready",
      checks: {
        config: {
          status: "fail",
          ms: Math.round(performance.now() - started),
          detail: "invalid environment (see the server log)",
        },
        idp: failed,
        cloudtrail: failed,
        database: failed,
      },
      activityAppendFailures: activityAppendFailures(),
    };
  }
  const config: CheckResult = { status: "ok", ms: Math.round(performance.now() - started) };
  const [idp, cloudtrail, database] = await Promise.all([
    checkIdp(env),
    checkCloudTrail(),
    checkDatabaseReady(),
  ]);
  const ready = [idp, cloudtrail, database].every((check) => check.status === "ok");
  return {
    status: ready ? "ready" : "not-ready",
    checks: { config, idp, cloudtrail, database },
    activityAppendFailures: activityAppendFailures(),
  };
}

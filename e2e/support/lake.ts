// The local Lake as the e2e specs see it: its admin API (call log, faults, pace) and a CloudTrail
// client acting as alice through per-user STS, exactly as the app does.
import {
  CloudTrailClient,
  ListImportsCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import {
  E2E_BUCKET_REGION,
  IMPORT_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STORES,
} from "../../local/lake/seed/constants";

export const LAKE_URL = process.env.CLOUDTRAIL_ENDPOINT ?? "http://127.0.0.1:4599";
export const LAKE_REGION = "us-east-1";
export const ALICE_EMAIL = "alice@example.test";

/** One entry of GET /_admin/calls (local/lake/admin/call-log.ts). */
export type LakeCall = {
  time: string;
  service: "cloudtrail" | "sts";
  operation: string;
  principal: string | null;
  region: string;
  status: number;
  error: string | null;
};

/** Calls a /_admin route; throws with the Lake's answer when it is not 2xx. */
export async function lakeAdmin(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${LAKE_URL}/_admin/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!res.ok) throw new Error(`lake admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** Empties the Lake's call log. */
export async function clearCalls(): Promise<void> {
  await lakeAdmin("DELETE", "calls");
}

/** The Lake's call log, oldest first. */
export async function listCalls(): Promise<LakeCall[]> {
  const body = (await lakeAdmin("GET", "calls")) as { calls: LakeCall[] };
  return body.calls;
}

/** Only the CloudTrail calls (STS AssumeRole calls are the credential chain, not an AWS action). */
export async function cloudTrailCalls(): Promise<LakeCall[]> {
  return (await listCalls()).filter((call) => call.service === "cloudtrail");
}

export type LakeFaults = { throttleRate?: number; errorRate?: number; latencyMs?: number };

/** Sets fault injection; returns the faults now active. */
export async function setFaults(faults: LakeFaults): Promise<LakeFaults> {
  return (await lakeAdmin("PUT", "faults", faults)) as LakeFaults;
}

/** Turns every fault off. */
export async function clearFaults(): Promise<void> {
  await setFaults({ throttleRate: 0, errorRate: 0, latencyMs: 0 });
}

/** Milliseconds per copied file, or one of the named paces. */
export async function setPace(pace: number | "demo" | "fast"): Promise<void> {
  await lakeAdmin("POST", "pace", { pace });
}

/** The pace playwright.config.ts gives the e2e world; restore it after changing it. */
export const E2E_PACE = Number(process.env.E2E_LAKE_PACE ?? 120);

/** A CloudTrail client for the Lake acting as alice (per-user role, her SourceIdentity). */
export function aliceClient(): CloudTrailClient {
  return new CloudTrailClient({
    region: LAKE_REGION,
    endpoint: LAKE_URL,
    // Fault-injection tests must not have the helper itself give up on a throttled call.
    maxAttempts: 8,
    credentials: fromTemporaryCredentials({
      masterCredentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "AKIALOCALTRAILIMPORTS",
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
      },
      params: {
        RoleArn: PER_USER_ROLE_ARN,
        RoleSessionName: ALICE_EMAIL,
        SourceIdentity: ALICE_EMAIL,
        DurationSeconds: 900,
      },
      clientConfig: { region: LAKE_REGION, endpoint: process.env.STS_ENDPOINT ?? LAKE_URL },
    }),
  });
}

/** Stops every INITIALIZING or IN_PROGRESS import in the client's Region, so a spec leaves none running. */
export async function stopEverythingRunning(client: CloudTrailClient): Promise<void> {
  const { Imports = [] } = await client.send(new ListImportsCommand({ MaxResults: 1000 }));
  for (const item of Imports) {
    if (item.ImportStatus === "INITIALIZING" || item.ImportStatus === "IN_PROGRESS") {
      await client.send(new StopImportCommand({ ImportId: item.ImportId })).catch(() => undefined);
    }
  }
}

const DAY = 86_400_000;

/**
 * Starts an import of `source` into the demo store as `client`, outside the app, covering the last
 * `days` days (the working import role; the e2e bucket's Region).
 */
export async function startDemoImport(
  client: CloudTrailClient,
  source: string,
  days: number,
): Promise<string> {
  const now = Date.now();
  const reply = await client.send(
    new StartImportCommand({
      Destinations: [STORES.demo.arn],
      ImportSource: {
        S3: {
          S3LocationUri: source,
          S3BucketRegion: E2E_BUCKET_REGION,
          S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
        },
      },
      StartEventTime: new Date(now - days * DAY),
      EndEventTime: new Date(now),
    }),
  );
  if (!reply.ImportId) throw new Error("StartImport returned no id");
  return reply.ImportId;
}

/** Whether the Lake accepts connections right now. */
export async function lakeIsUp(): Promise<boolean> {
  return fetch(`${LAKE_URL}/_admin/health`).then(
    (res) => res.ok,
    () => false,
  );
}

async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Simulated kill -9 + restart of the Lake (POST /_admin/restart, see local/lake/admin/restart.ts):
 * resolves once the port refuses connections; it stays closed for `downMs`.
 */
export async function restartLake(downMs: number): Promise<void> {
  await lakeAdmin("POST", "restart", { downMs });
  await until(async () => !(await lakeIsUp()), "the Lake did not go down", 5_000);
}

/** Waits until the Lake answers again (after restartLake). */
export async function waitForLake(timeoutMs = 60_000): Promise<void> {
  await until(lakeIsUp, "the Lake did not come back", timeoutMs);
}

/**
 * Wipes and re-seeds the Lake in place, as `npm run local -- --reset` does (POST /_admin/restart with
 * reset): every import and file change is gone, and so is every STS session it issued, so clients
 * still holding one (the app, aliceClient()) are refused until they assume the role again.
 */
export async function resetLakeWorld(): Promise<void> {
  await lakeAdmin("POST", "restart", { downMs: 0, reset: true });
  await waitForLake();
}

// Direct access to the local Lake for the benchmarks: real SDK clients (configured like the app's,
// lib/cloudtrail/client.ts) and the loopback admin endpoints (call log, pace).
import {
  CloudTrailClient,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import type { BenchConfig } from "./config.ts";

/** One SDK client per Region against the local Lake, with the app's retry mode. */
export function lakeClients(config: BenchConfig): Map<string, CloudTrailClient> {
  return new Map(
    config.regions.map((region) => [
      region,
      new CloudTrailClient({
        region,
        retryMode: "adaptive",
        endpoint: config.lakeOrigin,
        credentials: config.awsCredentials,
      }),
    ]),
  );
}

/** The client for `region`; throws for a Region the app is not configured with. */
export function clientFor(
  clients: Map<string, CloudTrailClient>,
  region: string,
): CloudTrailClient {
  const client = clients.get(region);
  if (!client) throw new Error(`No client for Region ${region}.`);
  return client;
}

interface CallEntry {
  service: string;
  operation: string;
}

/** Forgets every call the Lake has logged so far. */
export async function clearCalls(config: BenchConfig): Promise<void> {
  const response = await fetch(`${config.lakeOrigin}/_admin/calls`, { method: "DELETE" });
  if (response.status !== 204) throw new Error(`DELETE /_admin/calls answered ${response.status}.`);
}

/** Calls logged since the last clear, counted per `service:operation`. */
export async function countCalls(
  config: BenchConfig,
): Promise<{ cloudtrail: number; sts: number; byOperation: Record<string, number> }> {
  const response = await fetch(`${config.lakeOrigin}/_admin/calls`);
  if (!response.ok) throw new Error(`GET /_admin/calls answered ${response.status}.`);
  const { calls } = (await response.json()) as { calls: CallEntry[] };
  const byOperation: Record<string, number> = {};
  for (const call of calls) {
    const key = `${call.service}:${call.operation}`;
    byOperation[key] = (byOperation[key] ?? 0) + 1;
  }
  return {
    cloudtrail: calls.filter((call) => call.service === "cloudtrail").length,
    sts: calls.filter((call) => call.service === "sts").length,
    byOperation,
  };
}

/** Sets how fast local imports progress ("demo", "fast" or milliseconds per file). */
export async function setPace(config: BenchConfig, pace: "demo" | "fast" | number): Promise<void> {
  const response = await fetch(`${config.lakeOrigin}/_admin/pace`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ pace }),
  });
  if (!response.ok) throw new Error(`POST /_admin/pace answered ${response.status}.`);
}

/** Sets the latency the Lake adds to every CloudTrail call (PUT /_admin/faults; STS is never delayed). */
export async function setLatency(config: BenchConfig, latencyMs: number): Promise<void> {
  const response = await fetch(`${config.lakeOrigin}/_admin/faults`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });
  if (!response.ok) throw new Error(`PUT /_admin/faults answered ${response.status}.`);
}

// The demo world's resources (README "Demo resources"); the big bucket keeps an import busy longest.
const DEMO_STORE_ARN =
  "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/6d8e2f5a-3c1b-4e7d-9a2f-1b3c5d7e9f01";
const DEMO_SOURCE = {
  S3LocationUri: "s3://trail-imports-demo-logs/AWSLogs/111122223333/CloudTrail/",
  S3BucketRegion: "us-east-1",
  S3BucketAccessRoleArn: "arn:aws:iam::111122223333:role/CloudTrailLakeImport",
};

/** Starts an import of the demo bucket into the demo store and returns its id and Region. */
export async function startDemoImport(
  clients: Map<string, CloudTrailClient>,
): Promise<{ importId: string; region: string }> {
  const region = "us-east-1";
  const reply = await clientFor(clients, region).send(
    new StartImportCommand({ Destinations: [DEMO_STORE_ARN], ImportSource: { S3: DEMO_SOURCE } }),
  );
  if (!reply.ImportId) throw new Error("StartImport returned no ImportId.");
  return { importId: reply.ImportId, region };
}

/** Stops an import, ignoring one that already finished. */
export async function stopQuietly(
  clients: Map<string, CloudTrailClient>,
  region: string,
  importId: string,
): Promise<void> {
  await clientFor(clients, region)
    .send(new StopImportCommand({ ImportId: importId }))
    .catch(() => undefined);
}

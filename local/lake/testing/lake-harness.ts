// Test helpers for the Lake's integration tests: a Lake on port 0 in a temp folder, real SDK
// clients pointed at it, raw awsJson/STS/admin calls, and polling until a condition holds.
import {
  CloudTrailClient,
  GetImportCommand,
  type CloudTrailClientConfig,
  type GetImportCommandOutput,
} from "@aws-sdk/client-cloudtrail";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_ACCESS_KEY_ID } from "../seed/constants.ts";
import { startLake, type LakeHandle, type LakeOptions } from "../server.ts";

export type TestLake = {
  lake: LakeHandle;
  dataDir: string;
  /** A CloudTrail client for `region` with static app credentials (or the given ones). */
  client(region?: string, credentials?: ClientCredentials): CloudTrailClient;
  /** Calls /_admin/<path> and returns status and parsed JSON (if any). */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Stops the Lake and deletes its folder. */
  cleanup(): Promise<void>;
};

export type ClientCredentials = CloudTrailClientConfig["credentials"];

/** Starts a Lake on a free port with a temp data folder and pace "fast" unless overridden. */
export async function startTestLake(options: Partial<LakeOptions> = {}): Promise<TestLake> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "lake-test-")));
  const lake = await startLake({ port: 0, pace: "fast", faults: {}, ...options, dataDir });
  return {
    lake,
    dataDir,
    client: (
      region = "us-east-1",
      credentials = { accessKeyId: APP_ACCESS_KEY_ID, secretAccessKey: "test-secret" },
    ) => new CloudTrailClient({ region, endpoint: lake.url, credentials }),
    admin: async (method, path, body) => {
      const res = await fetch(`${lake.url}/_admin/${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      });
      const text = await res.text();
      return { status: res.status, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
    },
    cleanup: async () => {
      await lake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A SigV4-looking Authorization header (the Lake reads the scope, not the signature). */
export function fakeAuthorization(
  accessKeyId: string,
  region = "us-east-1",
  service = "cloudtrail",
): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261127/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

/** A raw awsJson1_1 call, for what the SDK cannot send (bad JSON, odd targets, missing auth). */
export async function rawCloudTrail(
  url: string,
  target: string | null,
  body: string,
  headers: Record<string, string> = { authorization: fakeAuthorization(APP_ACCESS_KEY_ID) },
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      ...(target === null ? {} : { "x-amz-target": target }),
      ...headers,
    },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as Record<string, unknown>,
  };
}

/** Polls `read` (no fixed sleeps: a short pause between polls only) until `done` holds or times out. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls GetImport until the import's status is one of `statuses`. */
export function waitForStatus(
  client: CloudTrailClient,
  importId: string,
  statuses: readonly string[],
  timeoutMs?: number,
): Promise<GetImportCommandOutput> {
  return waitFor(
    () => client.send(new GetImportCommand({ ImportId: importId })),
    (out) => statuses.includes(out.ImportStatus ?? ""),
    timeoutMs,
  );
}

/** Runs `fn` and returns the error it throws (fails if it does not throw). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<
  Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; $fault?: string }
> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** `count` minimal CloudTrail records, for writing good log files through the admin API. */
export function sampleRecords(count: number, time = new Date()): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    eventVersion: "1.09",
    eventTime: time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "s3.amazonaws.com",
    eventName: "GetBucketPolicy",
    awsRegion: "us-east-1",
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    eventType: "AwsApiCall",
    readOnly: true,
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
  }));
}

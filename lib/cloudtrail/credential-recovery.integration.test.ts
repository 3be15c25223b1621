// Credentials that AWS stops accepting before they expire, against the local Lake with the real
// SDK: the Lake is reset under the app (POST /_admin/restart with reset), so every STS session
// the app holds becomes unknown, as when an administrator revokes a role's sessions.
import { ListImportsCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestLake, startTestLake, waitFor } from "@/local/lake/testing/lake-harness.ts";
import { cloudTrailFor } from "./client";
import { toCloudTrailFailure } from "./errors";
import { setTestEnv } from "./test-env";

let world: TestLake;

beforeAll(async () => {
  world = await startTestLake();
  // Before the first serverEnv() call in this worker, which parses and caches process.env.
  setTestEnv({ CLOUDTRAIL_ENDPOINT: world.lake.url, STS_ENDPOINT: world.lake.url });
});

afterAll(async () => {
  await world.cleanup();
});

type Call = { operation: string; error: string | null };

async function callsSince(count: number): Promise<Call[]> {
  const { body } = await world.admin("GET", "calls");
  return (body as { calls: Call[] }).calls.slice(count);
}

async function resetWorld(): Promise<void> {
  const answer = await world.admin("POST", "restart", { downMs: 0, reset: true });
  expect(answer).toEqual({ status: 202, body: { downMs: 0, reset: true } });
  // Up again once the seeded world answers a call that needs no session.
  await waitFor(
    () =>
      world
        .client()
        .send(new ListImportsCommand({}))
        .then(
          (reply) => reply.Imports?.length ?? 0,
          () => -1,
        ),
    (imports) => imports > 0,
    30_000,
  );
}

const alice = { id: "alice", email: "alice@example.test", roles: ["operator"] };

describe("credential recovery", () => {
  it("renews a session the world no longer knows, once for both Regions, with no error shown", async () => {
    const east = cloudTrailFor(alice, "us-east-1");
    const west = cloudTrailFor(alice, "eu-west-1");
    await Promise.all([
      east.send(new ListImportsCommand({})),
      west.send(new ListImportsCommand({})),
    ]);

    await resetWorld();
    const before = (await callsSince(0)).length;
    const replies = await Promise.all([
      east.send(new ListImportsCommand({})),
      west.send(new ListImportsCommand({})),
    ]);
    expect(replies.every((reply) => Array.isArray(reply.Imports))).toBe(true);

    const calls = await callsSince(before);
    expect(calls.filter((call) => call.operation === "AssumeRole")).toHaveLength(1);
    expect(calls.filter((call) => call.error === "UnrecognizedClientException")).toHaveLength(2);
    // Later calls use the new session straight away.
    const settled = (await callsSince(0)).length;
    await east.send(new ListImportsCommand({}));
    expect((await callsSince(settled)).map((call) => call.error)).toEqual([null]);
  });

  it("names the base identity when STS refuses it too, and logs that once", async () => {
    const saved = { ...process.env };
    // The base identity's key is a temporary one the Lake never issued: STS refuses it.
    process.env.AWS_ACCESS_KEY_ID = "ASIAUNKNOWNBASEKEY01";
    process.env.AWS_SESSION_TOKEN = "not-a-session";
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const carol = { id: "carol", email: "carol@example.test", roles: ["viewer"] };
      const failures = [];
      for (let i = 0; i < 3; i += 1) {
        failures.push(
          await cloudTrailFor(carol, "us-east-1")
            .send(new ListImportsCommand({}))
            .then(
              () => null,
              (error: unknown) => toCloudTrailFailure(error, "listImports"),
            ),
        );
      }
      expect(failures.map((failure) => failure?.code)).toEqual(
        Array(3).fill("BaseIdentityRefused"),
      );
      expect(failures[0]?.message).toMatch(/app's own AWS identity/);
      const refusals = logged.mock.calls.filter(([line]) =>
        String(line).includes("aws-identity-refused"),
      );
      expect(refusals).toHaveLength(1);
      expect(String(refusals[0]?.[0])).toContain("app base identity");
    } finally {
      process.env = saved;
      vi.restoreAllMocks();
    }
  });
});

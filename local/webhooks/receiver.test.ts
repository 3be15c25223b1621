import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../../lib/notify/signing.ts";
import { type WebhookReceiver, startWebhookReceiver } from "./receiver.ts";

const SECRET = `whsec_${Buffer.alloc(32, 3).toString("base64")}`;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ port: 0, secret: SECRET });
});
afterAll(() => receiver.close());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${receiver.url}${path}`, { method: "POST", body, headers });
}

describe("the local webhook receiver", () => {
  it("accepts a correctly signed delivery and refuses a tampered one", async () => {
    const body = JSON.stringify({ type: "backfill.plan-completed" });
    const headers: Record<string, string> = {
      ...signWebhook({
        secret: SECRET,
        id: "evt-1",
        timestamp: Date.now() / 1000,
        body,
      }),
    };
    expect((await post("/generic", body, headers)).status).toBe(204);
    expect((await post("/generic", `${body} `, headers)).status).toBe(401);
    expect((await post("/slack", JSON.stringify({ text: "hi" }))).status).toBe(204);

    const listed = await fetch(`${receiver.url}/_received`);
    const { deliveries } = (await listed.json()) as {
      deliveries: { path: string; verified: boolean | null; reason?: string }[];
    };
    expect(deliveries.map((d) => [d.path, d.verified, d.reason])).toEqual([
      ["/generic", true, undefined],
      ["/generic", false, "No matching signature"],
      ["/slack", null, undefined],
    ]);
    expect((await fetch(`${receiver.url}/_received`, { method: "DELETE" })).status).toBe(204);
    expect(receiver.deliveries()).toEqual([]);
  });
});

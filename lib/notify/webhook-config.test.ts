import { describe, expect, it } from "vitest";
import { channelOf, webhookEndpoints, webhooksEnvSchema } from "./webhook-config";

const SECRET = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;

describe("NOTIFY_WEBHOOKS", () => {
  it("reads a JSON array and a kind=url list alike", () => {
    const json = webhooksEnvSchema.parse(
      JSON.stringify([
        { kind: "slack", url: "https://hooks.slack.test/a" },
        { kind: "generic", url: "https://hooks.example.test/b", secret: SECRET },
      ]),
    );
    const list = webhooksEnvSchema.parse(
      "slack=https://hooks.slack.test/a, teams=https://teams.example.test/c",
    );
    expect(json.map((e) => e.kind)).toEqual(["slack", "generic"]);
    expect(list).toEqual([
      { kind: "slack", url: "https://hooks.slack.test/a" },
      { kind: "teams", url: "https://teams.example.test/c" },
    ]);
  });

  it("refuses unknown kinds, non-http URLs, bad secrets and bad JSON", () => {
    expect(webhooksEnvSchema.safeParse("email=https://x.test").success).toBe(false);
    expect(webhooksEnvSchema.safeParse("slack=ftp://x.test").success).toBe(false);
    expect(
      webhooksEnvSchema.safeParse('[{"kind":"generic","url":"https://x.test","secret":"abc"}]')
        .success,
    ).toBe(false);
    expect(webhooksEnvSchema.safeParse("[{").success).toBe(false);
  });

  it("names each endpoint by kind and a hash of its URL, and gives generic ones the shared secret", () => {
    const [generic, slack] = webhookEndpoints(
      [
        { kind: "generic", url: "https://hooks.example.test/b" },
        { kind: "slack", url: "https://hooks.slack.test/a" },
      ],
      SECRET,
    );
    expect(generic).toMatchObject({
      secret: SECRET,
      channel: channelOf("generic", "https://hooks.example.test/b"),
    });
    expect(generic?.channel).not.toContain("hooks.example");
    expect(slack?.secret).toBeUndefined();
  });
});

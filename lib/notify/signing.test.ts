import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, webhookKey } from "./signing";

// Computed independently with
//   printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt hexkey:<decoded key> -binary | base64
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signWebhook", () => {
  it("matches the independently computed vector", () => {
    expect(signWebhook(VECTOR)).toEqual({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": "1614265330",
      "webhook-signature": VECTOR.signature,
    });
  });

  it("signs id.timestamp.body with the base64-decoded key", () => {
    const key = Buffer.from("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "base64");
    const body = JSON.stringify({ type: "plan-completed", data: { é: "ünïcode" } });
    const expected = createHmac("sha256", key).update(`evt_1.1700000000.${body}`).digest("base64");
    expect(
      signWebhook({ ...VECTOR, id: "evt_1", timestamp: 1_700_000_000.9, body })[
        "webhook-signature"
      ],
    ).toBe(`v1,${expected}`);
  });

  it("refuses bad secrets and ids with a dot", () => {
    expect(() => webhookKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toThrow(/whsec_/);
    expect(() => webhookKey("whsec_c2hvcnQ=")).toThrow(/24–64 bytes/);
    expect(() => signWebhook({ ...VECTOR, id: "a.b" })).toThrow(/dot/);
  });
});

describe("verifyWebhook", () => {
  const headers = {
    "webhook-id": VECTOR.id,
    "webhook-timestamp": String(VECTOR.timestamp),
    "webhook-signature": VECTOR.signature,
  };
  const base = { secret: VECTOR.secret, headers, body: VECTOR.body, nowSeconds: VECTOR.timestamp };

  it("accepts the vector, also among rotated signatures", () => {
    expect(verifyWebhook(base)).toEqual({ ok: true });
    const rotated = { ...headers, "webhook-signature": `v1,AAAA v1a,xyz ${VECTOR.signature}` };
    expect(verifyWebhook({ ...base, headers: rotated })).toEqual({ ok: true });
  });

  it("rejects a changed body, a wrong secret and a missing header", () => {
    expect(verifyWebhook({ ...base, body: '{"test": 2432232315}' })).toEqual({
      ok: false,
      reason: "No matching signature",
    });
    expect(
      verifyWebhook({ ...base, secret: "whsec_" + Buffer.alloc(32, 1).toString("base64") }).ok,
    ).toBe(false);
    expect(verifyWebhook({ ...base, headers: { ...headers, "webhook-id": null } }).ok).toBe(false);
  });

  it("allows five minutes of clock difference either way and no more", () => {
    expect(verifyWebhook({ ...base, nowSeconds: VECTOR.timestamp + 300 }).ok).toBe(true);
    expect(verifyWebhook({ ...base, nowSeconds: VECTOR.timestamp - 300 }).ok).toBe(true);
    expect(verifyWebhook({ ...base, nowSeconds: VECTOR.timestamp + 301 })).toEqual({
      ok: false,
      reason: "Timestamp outside the tolerance",
    });
    expect(verifyWebhook({ ...base, nowSeconds: VECTOR.timestamp - 301 }).ok).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import {
  REFRESH_MARGIN_MS,
  credentialsFor,
  identityKey,
  memoizeCredentials,
  perUserRoleArn,
  toStsName,
  toTagValue,
} from "./credentials";
import { setTestEnv } from "./test-env";

const VIEWER_ROLE = "arn:aws:iam::111122223333:role/trail-imports-viewer";
beforeAll(() => setTestEnv({ AWS_PER_USER_VIEWER_ROLE_ARN: VIEWER_ROLE }));

const alice = { id: "alice", email: "alice@example.test", roles: ["operator"] };
const bob = { id: "bob", email: "bob@example.test" };

describe("toStsName", () => {
  it("keeps an ordinary email address as it is", () =>
    expect(toStsName("alice.o-neil+ops@corp.example")).toBe("alice.o-neil+ops@corp.example"));
  it("hashes values with characters outside the alphabet, so they cannot pose as another person", () => {
    const name = toStsName("Zoë Ålund/admin@x.io");
    expect(name).toMatch(/^Zo---lund-admin@x\.io=[0-9a-f]{20}$/);
    expect(name).not.toBe(toStsName("Zo---lund-admin@x.io"));
  });
  it("keeps long values apart: two emails sharing their first 64 characters differ", () => {
    const base = `${"a".repeat(70)}@example.test`;
    const name = toStsName(base);
    expect(name).toHaveLength(64);
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(name).not.toBe(toStsName(`${"a".repeat(70)}@example.tesu`));
  });
  it("cannot be forged by an email that already looks hashed", () => {
    const hashed = toStsName("x y@example.test");
    expect(toStsName(hashed)).not.toBe(hashed);
  });
  it("falls back for an empty value and hashes a one-character one", () => {
    expect(toStsName("")).toBe("trail-imports-user");
    expect(toStsName("x")).toMatch(/^x=[0-9a-f]{20}$/);
  });
  it("can never produce the reserved aws: prefix", () =>
    expect(toStsName("aws:admin")).toMatch(/^aws-admin=[0-9a-f]{20}$/));
});

describe("toTagValue", () => {
  it("keeps letters (any script), digits, spaces and _ . : / = + - @", () =>
    expect(toTagValue("Zoë operator:admin/x=y+z_w@corp.example")).toBe(
      "Zoë operator:admin/x=y+z_w@corp.example",
    ));
  it("replaces anything else", () => expect(toTagValue("a,b;c")).toBe("a-b-c"));
});

describe("memoizeCredentials", () => {
  function countingProvider(lifetimeMs: number, now: () => number) {
    let calls = 0;
    const provider = async () => {
      calls += 1;
      return {
        accessKeyId: `AKIA${calls}`,
        secretAccessKey: "s",
        expiration: new Date(now() + lifetimeMs),
      };
    };
    return { provider, calls: () => calls };
  }

  it("shares one AssumeRole between concurrent first calls and later calls", async () => {
    let time = 0;
    const now = () => time;
    const upstream = countingProvider(15 * 60_000, now);
    const credentials = memoizeCredentials(upstream.provider, now);
    const keys = await Promise.all([credentials(), credentials(), credentials()]);
    expect(keys.map((k) => k.accessKeyId)).toEqual(["AKIA1", "AKIA1", "AKIA1"]);
    time += 60_000;
    expect((await credentials()).accessKeyId).toBe("AKIA1");
    expect(upstream.calls()).toBe(1);
  });

  it("refreshes once the session is within the refresh margin of expiry", async () => {
    let time = 0;
    const now = () => time;
    const upstream = countingProvider(15 * 60_000, now);
    const credentials = memoizeCredentials(upstream.provider, now);
    await credentials();
    time = 15 * 60_000 - REFRESH_MARGIN_MS;
    expect((await credentials()).accessKeyId).toBe("AKIA2");
  });

  it("does not keep a failed AssumeRole", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error("denied"), { name: "AccessDenied" });
      return { accessKeyId: "AKIAOK", secretAccessKey: "s" };
    });
    await expect(credentials()).rejects.toThrow("denied");
    expect((await credentials()).accessKeyId).toBe("AKIAOK");
  });
});

describe("memoizeCredentials forget", () => {
  const session = (id: string) => ({
    accessKeyId: id,
    secretAccessKey: "secret",
    expiration: new Date(Date.now() + 15 * 60_000),
  });

  it("drops refused credentials so the next call fetches new ones", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(async () => session(`ASIA${++calls}`));
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(credentials.forget("ASIA1")).toBe(true);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("keeps credentials that already replaced the refused ones", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(async () => session(`ASIA${++calls}`));
    await credentials();
    credentials.forget();
    expect((await credentials()).accessKeyId).toBe("ASIA2");
    expect(credentials.forget("ASIA1")).toBe(false);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });
});

describe("credentialsFor (per-user mode)", () => {
  it("keeps one provider per person, not one per request", () => {
    const first = credentialsFor(alice);
    expect(first).toBeTypeOf("function");
    expect(credentialsFor({ ...alice })).toBe(first);
    expect(credentialsFor(bob)).not.toBe(first);
  });

  it("gives people without the operator role the read-only viewer role", () => {
    expect(perUserRoleArn(alice)).toBe("arn:aws:iam::111122223333:role/trail-imports-user");
    expect(perUserRoleArn(bob)).toBe(VIEWER_ROLE);
    expect(perUserRoleArn({ ...alice, roles: ["viewer"] })).toBe(VIEWER_ROLE);
    expect(identityKey({ ...alice, roles: ["viewer"] })).not.toBe(identityKey(alice));
  });

  it("keys identities by person", () => {
    expect(identityKey(alice)).not.toBe(identityKey(bob));
    expect(identityKey({ ...alice, name: "Alice" })).toBe(identityKey(alice));
  });
});

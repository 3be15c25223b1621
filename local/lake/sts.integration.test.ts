// The local STS: AssumeRole through the SDK's fromTemporaryCredentials, the identity it gives
// CloudTrail calls (down to LookupEvents' userIdentity), and STS's validation and XML errors.
import { LookupEventsCommand, StartImportCommand } from "@aws-sdk/client-cloudtrail";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { describe, expect, it } from "vitest";
import {
  APP_ACCESS_KEY_ID,
  E2E_TRAIL_URI,
  IMPORT_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STORES,
} from "./seed/constants.ts";
import { fakeAuthorization, waitForStatus } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();

const BASE = { accessKeyId: APP_ACCESS_KEY_ID, secretAccessKey: "test-secret" };

function userCredentials(email: string) {
  return fromTemporaryCredentials({
    masterCredentials: BASE,
    params: {
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: email,
      SourceIdentity: email,
      DurationSeconds: 900,
      Tags: [{ Key: "app-role", Value: "operator" }],
    },
    clientConfig: { region: "us-east-1", endpoint: world().lake.url },
  });
}

async function sts(form: Record<string, string>, accessKeyId = APP_ACCESS_KEY_ID, token?: string) {
  const res = await fetch(`${world().lake.url}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: fakeAuthorization(accessKeyId, "us-east-1", "sts"),
      ...(token === undefined ? {} : { "x-amz-security-token": token }),
    },
    body: new URLSearchParams({ Version: "2011-06-15", ...form }).toString(),
  });
  return { status: res.status, type: res.headers.get("content-type"), xml: await res.text() };
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe("STS", () => {
  it("issues credentials that act as the assumed role, with SourceIdentity in LookupEvents", async () => {
    const client = world().client("us-east-1", userCredentials("alice@example.test"));
    const started = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: E2E_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    await waitForStatus(client, started.ImportId ?? "", ["COMPLETED", "FAILED"]);
    const out = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartImport" }],
      }),
    );
    const mine = (out.Events ?? []).find(
      (e) => JSON.parse(e.CloudTrailEvent ?? "{}").responseElements?.importId === started.ImportId,
    );
    expect(mine?.Username).toBe("alice@example.test");
    expect(mine?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const event = JSON.parse(mine?.CloudTrailEvent ?? "{}") as Record<string, unknown>;
    expect(event.userIdentity).toMatchObject({
      type: "AssumedRole",
      arn: "arn:aws:sts::111122223333:assumed-role/trail-imports-user/alice@example.test",
      principalId: expect.stringMatching(/^AROA[A-Z0-9]+:alice@example\.test$/),
      accountId: "111122223333",
      accessKeyId: mine?.AccessKeyId,
      sessionContext: {
        sessionIssuer: { type: "Role", arn: PER_USER_ROLE_ARN, userName: "trail-imports-user" },
        sourceIdentity: "alice@example.test",
      },
    });
    expect(event).toMatchObject({
      requestParameters: { destinations: [STORES.demo.arn] },
      eventName: "StartImport",
    });
    const byUser = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "Username", AttributeValue: "alice@example.test" }],
      }),
    );
    expect(byUser.Events?.map((e) => e.EventId)).toContain(mine?.EventId);
  });

  it("answers AssumeRole and GetCallerIdentity in AWS's XML", async () => {
    const assumed = await sts({
      Action: "AssumeRole",
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: "bob",
      SourceIdentity: "bob@example.test",
    });
    expect(assumed.status).toBe(200);
    expect(assumed.type).toBe("text/xml");
    expect(assumed.xml).toContain(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    );
    expect(tag(assumed.xml, "Arn")).toBe(
      "arn:aws:sts::111122223333:assumed-role/trail-imports-user/bob",
    );
    expect(tag(assumed.xml, "SourceIdentity")).toBe("bob@example.test");
    expect(tag(assumed.xml, "Expiration")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(tag(assumed.xml, "RequestId")).toMatch(/^[0-9a-f-]{36}$/);
    const key = tag(assumed.xml, "AccessKeyId") ?? "";
    const who = await sts({ Action: "GetCallerIdentity" }, key, tag(assumed.xml, "SessionToken"));
    expect(tag(who.xml, "Arn")).toBe(
      "arn:aws:sts::111122223333:assumed-role/trail-imports-user/bob",
    );
    expect(tag(who.xml, "Account")).toBe("111122223333");
    const base = await sts({ Action: "GetCallerIdentity" });
    expect(tag(base.xml, "Arn")).toBe("arn:aws:iam::111122223333:user/trail-imports-app");
  });

  it.each([
    [
      "RoleSessionName charset",
      { RoleSessionName: "bad name!" },
      "ValidationError",
      "at 'roleSessionName'",
    ],
    [
      "RoleSessionName length",
      { RoleSessionName: "a" },
      "ValidationError",
      "greater than or equal to 2",
    ],
    ["SourceIdentity charset", { SourceIdentity: "a b" }, "ValidationError", "at 'sourceIdentity'"],
    ["SourceIdentity aws: prefix", { SourceIdentity: "aws:me" }, "ValidationError", "aws:"],
    [
      "DurationSeconds minimum",
      { DurationSeconds: "899" },
      "ValidationError",
      "greater than or equal to 900",
    ],
    [
      "DurationSeconds maximum",
      { DurationSeconds: "43201" },
      "ValidationError",
      "less than or equal to 43200",
    ],
    [
      "a role in another account",
      { RoleArn: "arn:aws:iam::999999999999:role/Other" },
      "AccessDenied",
      "not authorized to perform: sts:AssumeRole",
    ],
  ])("rejects %s", async (_name, override, code, text) => {
    const res = await sts({
      Action: "AssumeRole",
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: "ok-session",
      ...override,
    });
    expect(res.status).toBe(code === "AccessDenied" ? 403 : 400);
    expect(res.xml).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(tag(res.xml, "Code")).toBe(code);
    expect(tag(res.xml, "Message")).toContain(text);
  });

  it("limits role chaining to one hour and keeps the source identity along the chain", async () => {
    const first = await sts({
      Action: "AssumeRole",
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: "chain",
      SourceIdentity: "carol",
    });
    const key = tag(first.xml, "AccessKeyId") ?? "";
    const token = tag(first.xml, "SessionToken");
    const long = await sts(
      {
        Action: "AssumeRole",
        RoleArn: IMPORT_ROLE_ARN,
        RoleSessionName: "hop",
        DurationSeconds: "7200",
      },
      key,
      token,
    );
    expect(tag(long.xml, "Code")).toBe("ValidationError");
    const hop = await sts(
      { Action: "AssumeRole", RoleArn: IMPORT_ROLE_ARN, RoleSessionName: "hop" },
      key,
      token,
    );
    expect(tag(hop.xml, "SourceIdentity")).toBe("carol");
  });

  it("rejects unknown temporary keys, a wrong session token and unknown actions", async () => {
    expect(
      tag((await sts({ Action: "GetCallerIdentity" }, "ASIAUNKNOWN000000000", "x")).xml, "Code"),
    ).toBe("InvalidClientTokenId");
    const issued = await sts({
      Action: "AssumeRole",
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: "tok",
    });
    const wrong = await sts(
      { Action: "GetCallerIdentity" },
      tag(issued.xml, "AccessKeyId") ?? "",
      "not-the-token",
    );
    expect(tag(wrong.xml, "Code")).toBe("InvalidClientTokenId");
    expect(tag((await sts({ Action: "GetFederationToken" })).xml, "Code")).toBe("InvalidAction");
  });
});

// Realistic CloudTrail management events for the demo bucket. The shapes follow real records
// (userIdentity variants, request/response elements per API) so the app's UI and any parser
// see the same fields they would in a real trail.
import { DEMO_EVENTS, iso, type Ctx, type Identity } from "./demo-events.ts";
import { ALPHABETS, type Rng } from "./prng.ts";

const USER_AGENTS = [
  "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.1.115 md/arch#x86_64 lang/python#3.12.6",
  "Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#6.1.115 md/arch#x86_64 lang/python#3.12.8",
  "aws-sdk-js/3.1137.0 ua/2.1 os/linux#6.1.115 lang/js md/nodejs#24.21.0 api/cloudtrail#3.1137.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
];

/** A handful of stable principals for one account, so the same people recur across the bucket. */
export function makeIdentities(rng: Rng, accountId: string): Identity[] {
  // Principal ids are 21 characters long, access key ids 20.
  const id = (prefix: string, length = 17): string =>
    prefix + rng.chars(length, ALPHABETS.UPPER_ALNUM);
  const users = ["alice", "bob"].map((userName): Identity => ({
    type: "IAMUser",
    body: {
      type: "IAMUser",
      principalId: id("AIDA"),
      arn: `arn:aws:iam::${accountId}:user/${userName}`,
      accountId,
      accessKeyId: id("AKIA", 16),
      userName,
    },
  }));
  const roles = [
    ["Deploy", "ci-run"],
    ["ReadOnly", "auditor"],
    ["TrailImportsOperator", "alice"],
  ].map(([role = "", session = ""]): Identity => {
    const roleId = id("AROA");
    return {
      type: "AssumedRole",
      body: {
        type: "AssumedRole",
        principalId: `${roleId}:${session}`,
        arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
        accountId,
        accessKeyId: id("ASIA", 16),
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: roleId,
            arn: `arn:aws:iam::${accountId}:role/${role}`,
            accountId,
            userName: role,
          },
          attributes: { mfaAuthenticated: "false" },
        },
      },
    };
  });
  return [...users, ...roles];
}

/** One CloudTrail record at `time` in `region`, drawn from a realistic mix of management events. */
export function makeRecord(
  rng: Rng,
  p: { accountId: string; region: string; time: Date; identities: readonly Identity[] },
): Record<string, unknown> {
  const choices = p.region === "us-east-1" ? DEMO_EVENTS : DEMO_EVENTS.filter((e) => !e.global);
  const spec = rng.weighted(choices);
  const identity = rng.pick(
    spec.name === "ConsoleLogin" ? p.identities.filter((i) => i.type === "IAMUser") : p.identities,
  );
  const ctx: Ctx = { rng, accountId: p.accountId, region: p.region, time: p.time, identity };
  const fromConsole = spec.name === "ConsoleLogin" || (!spec.readOnly && rng.next() < 0.2);
  const record: Record<string, unknown> = {
    eventVersion: "1.09",
    userIdentity: identity.body,
    eventTime: iso(p.time),
    eventSource: `${spec.source}.amazonaws.com`,
    eventName: spec.name,
    awsRegion: p.region,
    sourceIPAddress: `${rng.pick(["203.0.113", "198.51.100", "192.0.2"])}.${rng.int(1, 254)}`,
    userAgent: fromConsole ? USER_AGENTS[3] : rng.pick(USER_AGENTS.slice(0, 3)),
    requestParameters: spec.params(ctx),
    responseElements: spec.readOnly || !spec.response ? null : spec.response(ctx),
    requestID: rng.uuid(),
    eventID: rng.uuid(),
    readOnly: spec.readOnly,
    eventType: spec.eventType ?? "AwsApiCall",
    managementEvent: true,
    recipientAccountId: p.accountId,
    eventCategory: "Management",
  };
  if (spec.name === "ConsoleLogin") {
    record.additionalEventData = {
      LoginTo: "https://console.aws.amazon.com/console/home",
      MobileVersion: "No",
      MFAUsed: "Yes",
    };
  } else {
    record.tlsDetails = {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: `${spec.source}.${spec.global ? "" : `${p.region}.`}amazonaws.com`,
    };
  }
  return record;
}

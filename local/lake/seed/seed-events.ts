// Management events for the most recent seeded imports, so "who started this import" works on
// the demo history too: mostly Alice through the per-user role (with her SourceIdentity), some
// by the app's own IAM user.
import { buildManagementEvent } from "../audit/management-events.ts";
import { sessionCaller, type Caller } from "../identity/callers.ts";
import { stableId } from "../identity/ids.ts";
import { importElements, importResources, newImportParameters } from "../ops/event-payloads.ts";
import { createRng } from "../s3/prng.ts";
import type { ImportRecord, ManagementEventRecord } from "../state/types.ts";
import {
  APP_ACCESS_KEY_ID,
  DEMO_ACCOUNT_ID,
  PER_USER_ROLE_ARN,
  STATIC_USERS,
} from "./constants.ts";

const MAX_SEEDED_EVENTS = 200;
const USER_AGENT =
  "aws-sdk-js/3.1137.0 ua/2.1 os/linux lang/js md/nodejs#24.21.0 api/cloudtrail#3.1137.0";

function personCaller(email: string, rng: ReturnType<typeof createRng>, issuedMs: number): Caller {
  return sessionCaller({
    accessKeyId: `ASIA${rng.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`,
    secretAccessKey: "",
    sessionToken: "",
    issuedMs,
    expiresMs: issuedMs + 15 * 60 * 1000,
    accountId: DEMO_ACCOUNT_ID,
    roleArn: PER_USER_ROLE_ARN,
    roleName: PER_USER_ROLE_ARN.slice(PER_USER_ROLE_ARN.lastIndexOf("/") + 1),
    roleId: stableId("AROA", PER_USER_ROLE_ARN),
    sessionName: email,
    sourceIdentity: email,
    tags: {},
    issuerArn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/trail-imports-app`,
  });
}

function appCaller(): Caller {
  const arn = `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${STATIC_USERS[APP_ACCESS_KEY_ID] ?? "trail-imports-app"}`;
  return {
    accessKeyId: APP_ACCESS_KEY_ID,
    accountId: DEMO_ACCOUNT_ID,
    arn,
    userId: stableId("AIDA", arn),
    username: STATIC_USERS[APP_ACCESS_KEY_ID] ?? "trail-imports-app",
  };
}

/** StartImport (and StopImport for stopped ones) events for the newest seeded imports. */
export function seedEvents(
  imports: readonly ImportRecord[],
  seed: number,
): ManagementEventRecord[] {
  const rng = createRng(seed);
  const newest = [...imports].sort((a, b) => b.createdMs - a.createdMs).slice(0, MAX_SEEDED_EVENTS);
  const events: ManagementEventRecord[] = [];
  for (const record of newest) {
    const roll = rng.next();
    const caller =
      roll < 0.7
        ? personCaller("alice@example.test", rng, record.createdMs - 60_000)
        : roll < 0.85
          ? personCaller("dana@example.test", rng, record.createdMs - 60_000)
          : appCaller();
    const common = {
      caller,
      region: record.region,
      requestId: rng.uuid(),
      sourceIp: "127.0.0.1",
      userAgent: USER_AGENT,
      resources: importResources(record),
    };
    events.push(
      buildManagementEvent(
        {
          ...common,
          eventName: "StartImport",
          requestParameters: newImportParameters(record),
          responseElements: {
            ...importElements(record),
            importStatus: "INITIALIZING",
            updatedTimestamp: new Date(record.createdMs).toISOString(),
          },
          eventMs: record.createdMs,
        },
        rng.uuid(),
      ),
    );
    if (record.status === "STOPPED") {
      events.push(
        buildManagementEvent(
          {
            ...common,
            eventName: "StopImport",
            requestParameters: { importId: record.id },
            responseElements: importElements(record),
            eventMs: record.updatedMs,
          },
          rng.uuid(),
        ),
      );
    }
  }
  return events;
}

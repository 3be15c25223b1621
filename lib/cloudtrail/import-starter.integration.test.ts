// lookupImportStarters against the local Lake with the real SDK: one LookupEvents for a batch,
// and a retry by someone else does not replace the person who started the import.
import {
  CloudTrailClient,
  GetImportCommand,
  StartImportCommand,
  StopImportCommand,
} from "@aws-sdk/client-cloudtrail";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { expect, it } from "vitest";
import {
  APP_ACCESS_KEY_ID,
  DEMO_ACCOUNT_ID,
  DEMO_TRAIL_URI,
  IMPORT_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STORES,
} from "@/local/lake/seed/constants.ts";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { lookupImportStarters } from "./import-starter";
import { pointAppAtLake } from "./test-env";

const REGION = "us-east-1";
const DANA = "dana@example.test";

const world = lakeForFile({ pace: 1000, seedImports: 0 }, ({ lake }) => pointAppAtLake(lake.url));

const credentials = { accessKeyId: APP_ACCESS_KEY_ID, secretAccessKey: "x" };
const app = () => world().client(REGION);
const dana = () =>
  new CloudTrailClient({
    region: REGION,
    endpoint: world().lake.url,
    credentials: fromTemporaryCredentials({
      masterCredentials: credentials,
      params: { RoleArn: PER_USER_ROLE_ARN, RoleSessionName: DANA, SourceIdentity: DANA },
      clientConfig: { region: REGION, endpoint: world().lake.url },
    }),
  });

async function lookupCalls(): Promise<number> {
  const { calls } = (await world().admin("GET", "calls")).body as {
    calls: { operation: string }[];
  };
  return calls.filter((call) => call.operation === "LookupEvents").length;
}

it("keeps the original starter of a retried import and reads the batch with one call", async () => {
  const started = await app().send(
    new StartImportCommand({
      Destinations: [STORES.demo.arn],
      ImportSource: {
        S3: {
          S3LocationUri: DEMO_TRAIL_URI,
          S3BucketRegion: REGION,
          S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
        },
      },
    }),
  );
  const importId = started.ImportId ?? "";
  await app().send(new StopImportCommand({ ImportId: importId }));
  await dana().send(new StartImportCommand({ ImportId: importId }));
  await app().send(new StopImportCommand({ ImportId: importId }));
  const created = await app().send(new GetImportCommand({ ImportId: importId }));
  const createdAt = created.CreatedTimestamp?.toISOString();
  await world().admin("DELETE", "calls");

  const missing = "00000000-0000-4000-8000-000000000000";
  const caller = { id: "dana", email: DANA, roles: ["operator"] };
  const starters = await lookupImportStarters(caller, REGION, [
    { importId, createdAt },
    { importId: missing, createdAt },
  ]);
  expect(starters.get(importId)).toBe(`arn:aws:iam::${DEMO_ACCOUNT_ID}:user/trail-imports-app`);
  expect(starters.get(missing)).toBeNull();
  expect(await lookupCalls()).toBe(1);

  // Both answers are cached: asking again costs nothing.
  const again = await lookupImportStarters(caller, REGION, [{ importId, createdAt }]);
  expect(again.get(importId)).toBe(starters.get(importId));
  expect(await lookupCalls()).toBe(1);
});

// StartImport's validation, one case per rule: the model's constraints, new-vs-retry, and the
// Lake's source checks (rules/import-rules.ts). Sent through the real SDK, which does not validate.
import {
  StartImportCommand,
  type CloudTrailClient,
  type StartImportCommandInput,
} from "@aws-sdk/client-cloudtrail";
import { beforeAll, describe } from "vitest";
import { E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "./seed/constants.ts";

import { itRejects, type Case } from "./testing/validation-cases.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();
let client: CloudTrailClient;
beforeAll(() => {
  client = world().client();
});

const UPPER_ID = "ABCDEF00-0000-4000-8000-000000000000";
const source = (
  s3: Partial<Record<"S3LocationUri" | "S3BucketRegion" | "S3BucketAccessRoleArn", string>> = {},
) => ({
  S3: {
    S3LocationUri: E2E_TRAIL_URI,
    S3BucketRegion: "us-east-1",
    S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
    ...s3,
  },
});
const newImport = (extra: Partial<StartImportCommandInput> = {}): StartImportCommandInput => ({
  Destinations: [STORES.demo.arn],
  ImportSource: source(),
  ...extra,
});

const cases: Case[] = [
  [
    "StartImport: neither a new import nor a retry",
    () => client.send(new StartImportCommand({})),
    "InvalidParameterException",
    /Destinations and ImportSource/,
  ],
  [
    "StartImport: both ImportId and a new import",
    () => client.send(new StartImportCommand(newImport({ ImportId: "0".repeat(36) }))),
    "InvalidParameterException",
    /not both/,
  ],
  [
    "StartImport: Destinations needs one element",
    () => client.send(new StartImportCommand(newImport({ Destinations: [] }))),
    "InvalidParameterException",
    "Value '[]' at 'destinations' failed to satisfy constraint: Member must have length greater than or equal to 1",
  ],
  [
    "StartImport: Destinations at most one element",
    () =>
      client.send(
        new StartImportCommand(newImport({ Destinations: [STORES.demo.arn, STORES.org.arn] })),
      ),
    "InvalidParameterException",
    "Member must have length less than or equal to 1",
  ],
  [
    "StartImport: destination pattern",
    () => client.send(new StartImportCommand(newImport({ Destinations: ["bad arn"] }))),
    "InvalidParameterException",
    /at 'destinations.1.member'/,
  ],
  [
    "StartImport: Destinations without ImportSource",
    () => client.send(new StartImportCommand({ Destinations: [STORES.demo.arn] })),
    "InvalidParameterException",
    /ImportSource is required/,
  ],
  [
    "StartImport: ImportSource.S3 required",
    () =>
      client.send(
        new StartImportCommand(
          newImport({ ImportSource: {} as StartImportCommandInput["ImportSource"] }),
        ),
      ),
    "InvalidParameterException",
    "Value null at 'importSource.s3' failed to satisfy constraint: Member must not be null",
  ],
  [
    "StartImport: S3LocationUri required",
    () =>
      client.send(
        new StartImportCommand(
          newImport({
            ImportSource: {
              S3: { S3BucketRegion: "us-east-1", S3BucketAccessRoleArn: IMPORT_ROLE_ARN },
            } as StartImportCommandInput["ImportSource"],
          }),
        ),
      ),
    "InvalidParameterException",
    /Value null at 'importSource.s3.s3LocationUri'/,
  ],
  [
    "StartImport: S3BucketRegion required",
    () =>
      client.send(
        new StartImportCommand(
          newImport({
            ImportSource: {
              S3: { S3LocationUri: E2E_TRAIL_URI, S3BucketAccessRoleArn: IMPORT_ROLE_ARN },
            } as StartImportCommandInput["ImportSource"],
          }),
        ),
      ),
    "InvalidParameterException",
    /importSource.s3.s3BucketRegion/,
  ],
  [
    "StartImport: S3BucketAccessRoleArn required",
    () =>
      client.send(
        new StartImportCommand(
          newImport({
            ImportSource: {
              S3: { S3LocationUri: E2E_TRAIL_URI, S3BucketRegion: "us-east-1" },
            } as StartImportCommandInput["ImportSource"],
          }),
        ),
      ),
    "InvalidParameterException",
    /importSource.s3.s3BucketAccessRoleArn/,
  ],
  [
    "StartImport: retry ImportId pattern",
    () => client.send(new StartImportCommand({ ImportId: UPPER_ID })),
    "InvalidParameterException",
    /at 'importId'/,
  ],
  [
    "StartImport: retry of an unknown import",
    () => client.send(new StartImportCommand({ ImportId: "0".repeat(36) })),
    "ImportNotFoundException",
  ],
  [
    "StartImport: start after end",
    () =>
      client.send(
        new StartImportCommand(
          newImport({
            StartEventTime: new Date("2026-10-02"),
            EndEventTime: new Date("2026-10-01"),
          }),
        ),
      ),
    "InvalidParameterException",
    /StartEventTime/,
  ],
  [
    "StartImport: S3BucketRegion must be a Region",
    () =>
      client.send(
        new StartImportCommand(newImport({ ImportSource: source({ S3BucketRegion: "mars" }) })),
      ),
    "InvalidParameterException",
    /S3BucketRegion/,
  ],
  [
    "StartImport: role must be an IAM role ARN",
    () =>
      client.send(
        new StartImportCommand(
          newImport({
            ImportSource: source({ S3BucketAccessRoleArn: "arn:aws:iam::111122223333:user/bob" }),
          }),
        ),
      ),
    "InvalidParameterException",
    /S3BucketAccessRoleArn/,
  ],
  [
    "StartImport: S3 URI must be s3://bucket",
    () =>
      client.send(
        new StartImportCommand(
          newImport({ ImportSource: source({ S3LocationUri: "https://example.com/logs" }) }),
        ),
      ),
    "InvalidImportSourceException",
  ],
  [
    "StartImport: the bucket must exist",
    () =>
      client.send(
        new StartImportCommand(
          newImport({ ImportSource: source({ S3LocationUri: "s3://no-such-bucket-here/" }) }),
        ),
      ),
    "InvalidImportSourceException",
    /does not exist/,
  ],
  [
    "StartImport: destination ARN must be a store ARN",
    () =>
      client.send(
        new StartImportCommand(
          newImport({ Destinations: ["arn:aws:s3:::trail-imports-demo-logs"] }),
        ),
      ),
    "EventDataStoreARNInvalidException",
  ],
];

describe("StartImport validation", () => {
  itRejects(cases);
});

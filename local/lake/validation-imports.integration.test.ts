// Validation of GetImport, StopImport, ListImportFailures and ListImports, one case per model
// rule, through the real SDK; plus AWS's multi-violation wording and page-token binding.
import {
  GetImportCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  StopImportCommand,
  type CloudTrailClient,
  type GetImportCommandInput,
  type ImportStatus,
} from "@aws-sdk/client-cloudtrail";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "./testing/lake-harness.ts";
import { itRejects, type Case } from "./testing/validation-cases.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();
let client: CloudTrailClient;
beforeAll(() => {
  client = world().client();
});

const UPPER_ID = "ABCDEF00-0000-4000-8000-000000000000";

const cases: Case[] = [
  [
    "GetImport: ImportId required",
    () => client.send(new GetImportCommand({} as GetImportCommandInput)),
    "InvalidParameterException",
    "Value null at 'importId' failed to satisfy constraint: Member must not be null",
  ],
  [
    "GetImport: ImportId min length 36",
    () => client.send(new GetImportCommand({ ImportId: "abc" })),
    "InvalidParameterException",
    "Value 'abc' at 'importId' failed to satisfy constraint: Member must have length greater than or equal to 36",
  ],
  [
    "GetImport: ImportId max length 36",
    () => client.send(new GetImportCommand({ ImportId: "a".repeat(37) })),
    "InvalidParameterException",
    "Member must have length less than or equal to 36",
  ],
  [
    "GetImport: ImportId lower-case hex pattern",
    () => client.send(new GetImportCommand({ ImportId: UPPER_ID })),
    "InvalidParameterException",
    "Member must satisfy regular expression pattern: ^[a-f0-9\\-]+$",
  ],
  [
    "StopImport: ImportId pattern",
    () => client.send(new StopImportCommand({ ImportId: UPPER_ID })),
    "InvalidParameterException",
    /at 'importId'/,
  ],
  [
    "ListImportFailures: ImportId required",
    () => client.send(new ListImportFailuresCommand({} as { ImportId: string })),
    "InvalidParameterException",
    /Value null at 'importId'/,
  ],
  [
    "ListImportFailures: MaxResults ≥ 1",
    () => client.send(new ListImportFailuresCommand({ ImportId: "0".repeat(36), MaxResults: 0 })),
    "InvalidParameterException",
    "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
  ],
  [
    "ListImportFailures: NextToken ≥ 4 chars",
    () =>
      client.send(new ListImportFailuresCommand({ ImportId: "0".repeat(36), NextToken: "abc" })),
    "InvalidNextTokenException",
    /at 'nextToken'/,
  ],
  [
    "ListImports: MaxResults ≤ 1000",
    () => client.send(new ListImportsCommand({ MaxResults: 1001 })),
    "InvalidParameterException",
    "Member must have value less than or equal to 1000",
  ],
  [
    "ListImports: ImportStatus enum",
    () => client.send(new ListImportsCommand({ ImportStatus: "RUNNING" as ImportStatus })),
    "InvalidParameterException",
    "Member must satisfy enum value set: [INITIALIZING, IN_PROGRESS, FAILED, STOPPED, COMPLETED]",
  ],
  [
    "ListImports: Destination pattern",
    () => client.send(new ListImportsCommand({ Destination: "not an arn!" })),
    "InvalidParameterException",
    /at 'destination' failed to satisfy constraint: Member must satisfy regular expression pattern/,
  ],
  [
    "ListImports: Destination max length 256",
    () => client.send(new ListImportsCommand({ Destination: "a".repeat(257) })),
    "InvalidParameterException",
    "Member must have length less than or equal to 256",
  ],
  [
    "ListImports: Destination must be a store ARN",
    () => client.send(new ListImportsCommand({ Destination: "arn:aws:s3:::bucket" })),
    "EventDataStoreARNInvalidException",
  ],
  [
    "ListImports: tampered NextToken",
    () =>
      client.send(
        new ListImportsCommand({ NextToken: "eyJzIjoiWCJ9.forged-signature-000000000000000" }),
      ),
    "InvalidNextTokenException",
  ],
];

describe("import operations validation", () => {
  itRejects(cases);

  it("reports several violations in one message, as AWS does", async () => {
    const error = await errorOf(() =>
      client.send(new ListImportsCommand({ MaxResults: 0, ImportStatus: "X" as ImportStatus })),
    );
    expect(error.message).toMatch(
      /^2 validation errors detected: Value '0' at 'maxResults'.*; Value 'X' at 'importStatus'/,
    );
  });

  it("rejects a valid token reused with different filters", async () => {
    const first = await client.send(new ListImportsCommand({ MaxResults: 1 }));
    expect(first.NextToken).toBeDefined();
    const error = await errorOf(() =>
      client.send(
        new ListImportsCommand({
          MaxResults: 1,
          ImportStatus: "FAILED",
          NextToken: first.NextToken,
        }),
      ),
    );
    expect(error.name).toBe("InvalidNextTokenException");
  });
});

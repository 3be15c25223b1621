import { describe, expect, it } from "vitest";
import { CloudTrailAppError } from "./errors";
import {
  parseFailureList,
  parseImport,
  parseImportList,
  parseStoreDetails,
  parseStoreList,
} from "./parse";

const ID = "0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e";
const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852";

describe("parseImport", () => {
  it("maps a full GetImport reply to plain JSON-safe values", () => {
    const details = parseImport(
      {
        $metadata: { requestId: "r" },
        ImportId: ID,
        ImportStatus: "IN_PROGRESS",
        Destinations: [STORE],
        ImportSource: {
          S3: {
            S3LocationUri: "s3://b/AWSLogs/",
            S3BucketRegion: "eu-west-1",
            S3BucketAccessRoleArn: "arn:aws:iam::111122223333:role/r",
          },
        },
        StartEventTime: new Date("2026-01-01T00:00:00Z"),
        EndEventTime: new Date("2026-02-01T00:00:00Z"),
        CreatedTimestamp: new Date("2026-03-01T10:00:00Z"),
        UpdatedTimestamp: new Date("2026-03-01T10:05:00Z"),
        ImportStatistics: {
          PrefixesFound: 10,
          PrefixesCompleted: 4,
          FilesCompleted: 40,
          EventsCompleted: 4000,
          FailedEntries: 1,
        },
      },
      "us-east-1",
    );
    expect(details).toEqual({
      importId: ID,
      region: "us-east-1",
      status: "IN_PROGRESS",
      destinations: [STORE],
      source: {
        s3Uri: "s3://b/AWSLogs/",
        bucketRegion: "eu-west-1",
        roleArn: "arn:aws:iam::111122223333:role/r",
      },
      startEventTime: "2026-01-01T00:00:00.000Z",
      endEventTime: "2026-02-01T00:00:00.000Z",
      createdAt: "2026-03-01T10:00:00.000Z",
      updatedAt: "2026-03-01T10:05:00.000Z",
      statistics: {
        prefixesFound: 10,
        prefixesCompleted: 4,
        filesCompleted: 40,
        eventsCompleted: 4000,
        failedEntries: 1,
      },
    });
    expect(JSON.parse(JSON.stringify(details))).toEqual(details);
  });

  it("survives an unknown status, missing optional fields and wrong types", () => {
    const details = parseImport(
      {
        ImportId: ID,
        ImportStatus: "PAUSED",
        Destinations: "not-a-list",
        CreatedTimestamp: "yesterday",
      },
      "us-east-1",
    );
    expect(details).toEqual({
      importId: ID,
      region: "us-east-1",
      status: "UNKNOWN",
      destinations: [],
    });
  });

  it("rejects a reply without an import id as InvalidResponse", () => {
    expect(() => parseImport({ ImportStatus: "COMPLETED" }, "us-east-1")).toThrow(
      CloudTrailAppError,
    );
    try {
      parseImport({}, "us-east-1");
    } catch (error) {
      expect(error instanceof CloudTrailAppError && error.code).toBe("InvalidResponse");
    }
  });
});

describe("list replies", () => {
  it("drops items without an id instead of failing the page", () => {
    const items = parseImportList(
      [{ ImportId: ID, ImportStatus: "COMPLETED" }, { ImportStatus: "FAILED" }],
      "eu-west-1",
    );
    expect(items).toEqual([
      { importId: ID, region: "eu-west-1", status: "COMPLETED", destinations: [] },
    ]);
    expect(parseImportList(undefined, "eu-west-1")).toEqual([]);
  });

  it("maps failures with lenient statuses", () => {
    expect(
      parseFailureList([
        {
          Location: "s3://b/AWSLogs/x.json",
          Status: "FAILED",
          ErrorType: "AccessDenied",
          ErrorMessage: "m",
          LastUpdatedTime: new Date(0),
        },
        { Status: "SKIPPED" },
      ]),
    ).toEqual([
      {
        location: "s3://b/AWSLogs/x.json",
        status: "FAILED",
        errorType: "AccessDenied",
        errorMessage: "m",
        lastUpdatedAt: "1970-01-01T00:00:00.000Z",
      },
      { status: "UNKNOWN" },
    ]);
  });

  it("reads the account and id out of listed store ARNs", () => {
    expect(
      parseStoreList([{ EventDataStoreArn: STORE, Name: "main" }, { Name: "no-arn" }], "us-east-1"),
    ).toEqual([
      {
        arn: STORE,
        name: "main",
        region: "us-east-1",
        accountId: "111122223333",
        id: "EXAMPLE-f852",
      },
    ]);
  });
});

function store(overrides: Record<string, unknown>) {
  return parseStoreDetails(
    {
      EventDataStoreArn: STORE,
      Name: "main",
      Status: "ENABLED",
      AdvancedEventSelectors: [
        { FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] },
      ],
      RetentionPeriod: 90,
      ...overrides,
    },
    "us-east-1",
  );
}

describe("parseStoreDetails", () => {
  it("accepts imports into an enabled CloudTrail-events store", () => {
    expect(store({})).toMatchObject({
      status: "ENABLED",
      category: "cloudtrail",
      eventCategories: ["Management"],
      acceptsImports: true,
      retentionPeriodDays: 90,
      organizationEnabled: false,
    });
    expect(store({ Status: "STOPPED_INGESTION" }).acceptsImports).toBe(true);
  });

  it("blocks stores whose status or category doesn't allow imports", () => {
    expect(store({ Status: "PENDING_DELETION" })).toMatchObject({
      acceptsImports: false,
      blockedReason: "status",
    });
    expect(store({ Status: "SOMETHING_NEW" })).toMatchObject({
      status: "UNKNOWN",
      acceptsImports: false,
      blockedReason: "status",
    });
    const config = store({
      AdvancedEventSelectors: [
        { FieldSelectors: [{ Field: "eventCategory", Equals: ["ConfigurationItem"] }] },
      ],
    });
    expect(config).toMatchObject({
      category: "other",
      acceptsImports: false,
      blockedReason: "category",
    });
  });

  it("calls a store without category selectors unknown, not ineligible", () => {
    expect(store({ AdvancedEventSelectors: undefined })).toMatchObject({
      category: "unknown",
      acceptsImports: true,
    });
    expect(store({ BillingMode: "NEW_PRICING" }).billingMode).toBe("UNKNOWN");
    expect(store({}).billingMode).toBeUndefined();
  });
});

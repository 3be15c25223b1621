// Validation of GetEventDataStore, ListEventDataStores and LookupEvents, one case per model
// rule, through the real SDK (each operation's own modeled error where it has one).
import {
  GetEventDataStoreCommand,
  ListEventDataStoresCommand,
  LookupEventsCommand,
  type CloudTrailClient,
  type GetEventDataStoreCommandInput,
  type LookupAttributeKey,
} from "@aws-sdk/client-cloudtrail";
import { beforeAll, describe } from "vitest";

import { itRejects, type Case } from "./testing/validation-cases.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

// These cases test validation, not the LookupEvents rate limit, so they switch it off.
const world = lakeForFile({ lookupRate: 0 });
let client: CloudTrailClient;
beforeAll(() => {
  client = world().client();
});

const cases: Case[] = [
  [
    "ListEventDataStores: MaxResults ≥ 1",
    () => client.send(new ListEventDataStoresCommand({ MaxResults: 0 })),
    "InvalidMaxResultsException",
    /at 'maxResults'/,
  ],
  [
    "ListEventDataStores: tampered NextToken",
    () => client.send(new ListEventDataStoresCommand({ NextToken: "garbage-token" })),
    "InvalidNextTokenException",
  ],
  [
    "GetEventDataStore: EventDataStore required",
    () => client.send(new GetEventDataStoreCommand({} as GetEventDataStoreCommandInput)),
    "InvalidParameterException",
    /Value null at 'eventDataStore'/,
  ],
  [
    "GetEventDataStore: min length 3",
    () => client.send(new GetEventDataStoreCommand({ EventDataStore: "ab" })),
    "InvalidParameterException",
    "Member must have length greater than or equal to 3",
  ],
  [
    "GetEventDataStore: pattern",
    () => client.send(new GetEventDataStoreCommand({ EventDataStore: "has space" })),
    "InvalidParameterException",
    /regular expression pattern: \^\[a-zA-Z0-9\._\/\\-:\]\+\$/,
  ],
  [
    "LookupEvents: MaxResults ≤ 50",
    () => client.send(new LookupEventsCommand({ MaxResults: 51 })),
    "InvalidMaxResultsException",
    /at 'maxResults'/,
  ],
  [
    "LookupEvents: one attribute at most",
    () =>
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: "EventName", AttributeValue: "StartImport" },
            { AttributeKey: "Username", AttributeValue: "x" },
          ],
        }),
      ),
    "InvalidLookupAttributesException",
  ],
  [
    "LookupEvents: attribute key enum",
    () =>
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "Color" as LookupAttributeKey, AttributeValue: "x" }],
        }),
      ),
    "InvalidLookupAttributesException",
    /enum value set/,
  ],
  [
    "LookupEvents: attribute value ≥ 1 char",
    () =>
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "" }],
        }),
      ),
    "InvalidLookupAttributesException",
    /attributeValue/,
  ],
  [
    "LookupEvents: start after end",
    () =>
      client.send(
        new LookupEventsCommand({
          StartTime: new Date("2026-10-02"),
          EndTime: new Date("2026-10-01"),
        }),
      ),
    "InvalidTimeRangeException",
  ],
  [
    "LookupEvents: tampered NextToken",
    () => client.send(new LookupEventsCommand({ NextToken: "not-a-token" })),
    "InvalidNextTokenException",
  ],
];

describe("store and lookup validation", () => {
  itRejects(cases);
});

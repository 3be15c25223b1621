// Input shapes of the operations the Lake serves, transcribed from the Smithy model
// (local/lake/model/cloudtrail-model.json, a copy of the official model: StartImportRequest, UUID, EventDataStoreArn, ...).
// Keep names and constraints identical to the model; anything stricter belongs in rules/.
import type { Shape, StructureShape } from "./validate.ts";

const UUID: Shape = { type: "string", min: 36, max: 36, pattern: "^[a-f0-9\\-]+$" };
const EVENT_DATA_STORE_ARN: Shape = {
  type: "string",
  min: 3,
  max: 256,
  pattern: "^[a-zA-Z0-9._/\\-:]+$",
};
const PAGINATION_TOKEN: Shape = { type: "string", min: 4, max: 1000, pattern: ".*" };
const MAX_RESULTS_1000: Shape = { type: "integer", min: 1, max: 1000 };
const DATE: Shape = { type: "timestamp" };
const STRING: Shape = { type: "string" };

/** The model's ImportStatus enum. */
export const IMPORT_STATUSES = [
  "INITIALIZING",
  "IN_PROGRESS",
  "FAILED",
  "STOPPED",
  "COMPLETED",
] as const;

/** The model's LookupAttributeKey enum values. */
export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId",
] as const;

const IMPORT_SOURCE: Shape = {
  type: "structure",
  members: {
    S3: {
      required: true,
      shape: {
        type: "structure",
        members: {
          S3LocationUri: { shape: STRING, required: true },
          S3BucketRegion: { shape: STRING, required: true },
          S3BucketAccessRoleArn: { shape: STRING, required: true },
        },
      },
    },
  },
};

export const START_IMPORT: StructureShape = {
  type: "structure",
  members: {
    Destinations: { shape: { type: "list", member: EVENT_DATA_STORE_ARN, min: 1, max: 1 } },
    ImportSource: { shape: IMPORT_SOURCE },
    StartEventTime: { shape: DATE },
    EndEventTime: { shape: DATE },
    ImportId: { shape: UUID },
  },
};

/** GetImport and StopImport take the same single required id. */
export const IMPORT_ID_ONLY: StructureShape = {
  type: "structure",
  members: { ImportId: { shape: UUID, required: true } },
};

export const LIST_IMPORTS: StructureShape = {
  type: "structure",
  members: {
    MaxResults: { shape: MAX_RESULTS_1000 },
    Destination: { shape: EVENT_DATA_STORE_ARN },
    ImportStatus: { shape: { type: "string", enum: IMPORT_STATUSES } },
    NextToken: { shape: PAGINATION_TOKEN },
  },
};

export const LIST_IMPORT_FAILURES: StructureShape = {
  type: "structure",
  members: {
    ImportId: { shape: UUID, required: true },
    MaxResults: { shape: MAX_RESULTS_1000 },
    NextToken: { shape: PAGINATION_TOKEN },
  },
};

export const LIST_EVENT_DATA_STORES: StructureShape = {
  type: "structure",
  members: { NextToken: { shape: PAGINATION_TOKEN }, MaxResults: { shape: MAX_RESULTS_1000 } },
};

export const GET_EVENT_DATA_STORE: StructureShape = {
  type: "structure",
  members: { EventDataStore: { shape: EVENT_DATA_STORE_ARN, required: true } },
};

export const LOOKUP_EVENTS: StructureShape = {
  type: "structure",
  members: {
    LookupAttributes: {
      shape: {
        type: "list",
        member: {
          type: "structure",
          members: {
            AttributeKey: {
              shape: { type: "string", enum: LOOKUP_ATTRIBUTE_KEYS },
              required: true,
            },
            AttributeValue: { shape: { type: "string", min: 1, max: 2000 }, required: true },
          },
        },
      },
    },
    StartTime: { shape: DATE },
    EndTime: { shape: DATE },
    EventCategory: { shape: { type: "string", enum: ["insight"] } },
    MaxResults: { shape: { type: "integer", min: 1, max: 50 } },
    NextToken: { shape: STRING },
  },
};

// LookupEvents over the management events the Lake recorded (StartImport / StopImport), newest
// first, with one lookup attribute at most, as the real API allows.
import { cloudTrailEventJson } from "../audit/management-events.ts";
import { LakeError } from "../protocol/errors.ts";
import { LOOKUP_EVENTS } from "../protocol/shapes.ts";
import type { ManagementEventRecord } from "../state/types.ts";
import { checkInput, type OpContext, type OpInput, type OpOutput } from "./context.ts";
import { keysetToken, readKeyset } from "./paging.ts";
import { seconds } from "./wire.ts";

type Request = {
  LookupAttributes?: { AttributeKey: string; AttributeValue: string }[];
  StartTime?: number;
  EndTime?: number;
  EventCategory?: string;
  MaxResults?: number;
  NextToken?: string;
};

const EVENT_SOURCE = "cloudtrail.amazonaws.com";

function errorCode(errors: string[]): string {
  if (errors.some((e) => e.includes("at 'maxResults'"))) return "InvalidMaxResultsException";
  if (errors.some((e) => e.includes("at 'eventCategory'"))) return "InvalidEventCategoryException";
  return "InvalidLookupAttributesException";
}

function attributeOf(event: ManagementEventRecord, key: string): string[] {
  switch (key) {
    case "EventId":
      return [event.eventId];
    case "EventName":
      return [event.eventName];
    case "ReadOnly":
      return ["false"];
    case "Username":
      return [event.username];
    case "ResourceType":
      return event.resources.map((r) => r.type);
    case "ResourceName":
      return event.resources.map((r) => r.name);
    case "EventSource":
      return [EVENT_SOURCE];
    case "AccessKeyId":
      return [event.accessKeyId];
    default:
      return [];
  }
}

function toWire(event: ManagementEventRecord, accountId: string): Record<string, unknown> {
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: "false",
    AccessKeyId: event.accessKeyId,
    EventTime: seconds(event.eventMs),
    EventSource: EVENT_SOURCE,
    Username: event.username,
    Resources: event.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: cloudTrailEventJson(event, accountId),
  };
}

export function lookupEvents(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<Request>(LOOKUP_EVENTS, input, errorCode);
  const attributes = req.LookupAttributes ?? [];
  if (attributes.length > 1) {
    throw new LakeError(
      "InvalidLookupAttributesException",
      "You can specify only one lookup attribute per request.",
    );
  }
  if (req.StartTime !== undefined && req.EndTime !== undefined && req.StartTime > req.EndTime) {
    throw new LakeError(
      "InvalidTimeRangeException",
      "Start time must be equal to or earlier than end time.",
    );
  }
  // No Insights events exist locally; management events are not returned for the insight category.
  if (req.EventCategory === "insight") return { Events: [] };
  const attribute = attributes[0];
  const scope = `LookupEvents|${attribute?.AttributeKey ?? ""}=${attribute?.AttributeValue ?? ""}|${req.StartTime ?? ""}|${req.EndTime ?? ""}`;
  const cursor = readKeyset(ctx, scope, req.NextToken);
  const limit = req.MaxResults ?? 50;
  const page: ManagementEventRecord[] = [];
  let more = false;
  for (const event of ctx.state.eventsIn(ctx.region)) {
    if (
      cursor &&
      (event.eventMs > cursor.t || (event.eventMs === cursor.t && event.eventId >= cursor.id))
    )
      continue;
    if (req.StartTime !== undefined && event.eventMs < req.StartTime) continue;
    if (req.EndTime !== undefined && event.eventMs > req.EndTime) continue;
    if (attribute && !attributeOf(event, attribute.AttributeKey).includes(attribute.AttributeValue))
      continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(event);
  }
  const last = page.at(-1);
  return {
    Events: page.map((e) => toWire(e, ctx.caller.accountId)),
    ...(more && last
      ? { NextToken: keysetToken(ctx, scope, { t: last.eventMs, id: last.eventId }) }
      : {}),
  };
}

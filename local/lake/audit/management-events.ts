// The Lake's own CloudTrail: every StartImport and StopImport call (failed ones too, with
// errorCode and errorMessage, as CloudTrail records them) becomes a management event that LookupEvents returns, with the caller's userIdentity (including
// sessionContext.sourceIdentity for assumed-role callers) as the real service records it.
import { randomUUID } from "node:crypto";
import { userIdentityOf, type Caller } from "../identity/callers.ts";
import type { LakeState } from "../state/lake-state.ts";
import type { ManagementEventRecord } from "../state/types.ts";

export type EventInput = {
  caller: Caller;
  region: string;
  eventName: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  requestId: string;
  sourceIp: string;
  userAgent: string;
  resources: { type: string; name: string }[];
  eventMs: number;
  errorCode?: string;
  errorMessage?: string;
};

/** Builds a management event record (eventSource cloudtrail.amazonaws.com, readOnly false). */
export function buildManagementEvent(
  input: EventInput,
  eventId: string = randomUUID(),
): ManagementEventRecord {
  return {
    eventId,
    eventName: input.eventName,
    eventMs: input.eventMs,
    region: input.region,
    accessKeyId: input.caller.accessKeyId,
    username: input.caller.username,
    userIdentity: userIdentityOf(input.caller),
    requestParameters: input.requestParameters,
    responseElements: input.responseElements,
    requestId: input.requestId,
    sourceIp: input.sourceIp,
    userAgent: input.userAgent,
    resources: input.resources,
    ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
    ...(input.errorMessage === undefined ? {} : { errorMessage: input.errorMessage }),
  };
}

/** Records one management event so LookupEvents returns it. */
export function recordManagementEvent(state: LakeState, input: EventInput): ManagementEventRecord {
  const event = buildManagementEvent(input);
  state.addEvent(event);
  return event;
}

/** The CloudTrailEvent JSON document, field for field as CloudTrail writes event version 1.09. */
export function cloudTrailEventJson(event: ManagementEventRecord, accountId: string): string {
  return JSON.stringify({
    eventVersion: "1.09",
    userIdentity: event.userIdentity,
    eventTime: new Date(event.eventMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "cloudtrail.amazonaws.com",
    eventName: event.eventName,
    awsRegion: event.region,
    sourceIPAddress: event.sourceIp,
    userAgent: event.userAgent,
    ...(event.errorCode === undefined ? {} : { errorCode: event.errorCode }),
    ...(event.errorMessage === undefined ? {} : { errorMessage: event.errorMessage }),
    requestParameters: event.requestParameters,
    responseElements: event.responseElements,
    requestID: event.requestId,
    eventID: event.eventId,
    readOnly: false,
    resources: event.resources.map((r) => ({ accountId, type: r.type, ARN: r.name })),
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: "Management",
    tlsDetails: {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: "cloudtrail.amazonaws.com",
    },
  });
}

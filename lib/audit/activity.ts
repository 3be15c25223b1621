import type { AuditContext } from "./context";
import type { AuditEntry } from "./index";
import type { ActivityInput, ActivityOutcome } from "@/lib/schemas/activity";

// How an audit entry reads in the activity log. The audit line names the code path (`start-import`); the
// log names what a person did (`start`), which is what its filter offers.
const ACTIVITY_ACTION: Record<string, string> = {
  "start-import": "start",
  "retry-import": "retry",
  "stop-import": "stop",
  "embed-ticket": "ticket-issue",
  "embed-redeem": "ticket-redeem",
};

/** Results that mean "we asked AWS and it said no"; every other non-ok result is our own refusal. */
const FAILED_RESULTS = new Set(["aws"]);

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

function outcomeOf(result: string): ActivityOutcome {
  if (result === "ok") return "ok";
  return FAILED_RESULTS.has(result) ? "failed" : "refused";
}

/** The activity-log entry for an audit entry: who, what, which resources, how it went, and from where. */
export function toActivityInput(
  entry: AuditEntry,
  time: Date,
  context: AuditContext = {},
): ActivityInput {
  const detail = entry.detail ?? {};
  const start = text(detail.startTime);
  const end = text(detail.endTime);
  const ok = entry.result === "ok";
  return {
    actorEmail: entry.actor?.email || undefined,
    actorRole: entry.actor?.role,
    action: ACTIVITY_ACTION[entry.action] ?? entry.action,
    outcome: outcomeOf(entry.result),
    errorCode: ok ? undefined : (text(detail.awsCode) ?? entry.result),
    errorMessage: ok ? undefined : entry.message,
    storeArn: text(detail.destination),
    importId: entry.importId,
    roleArn: text(detail.roleArn),
    s3Uri: text(detail.s3Uri),
    region: text(detail.region),
    timeRange: start || end ? { start, end } : undefined,
    awsRequestId: text(detail.requestId),
    clientAddress: context.clientAddress,
    requestId: context.requestId,
    occurredAt: time,
  };
}

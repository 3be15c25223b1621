// What a notification is about, independent of where it goes (Slack, Teams, a signed webhook).
// The runner emits these; the outbox stores them; the payload builders render them.

import {
  NOTIFICATION_KINDS,
  type NotificationEvent,
  type NotificationKind,
} from "@/lib/schemas/notification";

export { NOTIFICATION_KINDS, type NotificationEvent, type NotificationKind };

/** Whether the event asks someone to act (these also go out when only problems are wanted). */
export function needsPerson(kind: NotificationKind): boolean {
  return (
    kind === "import-failed" ||
    kind === "import-stopped" ||
    kind === "plan-failed" ||
    kind === "needs-attention"
  );
}

// The bodies sent for one notification event: Slack (incoming webhook), Microsoft Teams (a
// Workflows "when a Teams webhook request is received" flow, which takes an Adaptive Card in a
// message envelope) and generic JSON for anything else (signed per Standard Webhooks). Pure.
import type { NotificationEvent, NotificationKind } from "./events";

const TITLES: Record<NotificationKind, string> = {
  "import-completed": "Import completed",
  "import-failed": "Import failed",
  "import-stopped": "Import stopped",
  "plan-completed": "Backfill plan completed",
  "plan-failed": "Backfill plan finished with problems",
  "needs-attention": "A backfill plan needs attention",
};

/** Slack rejects a section whose text is longer than this. */
export const SLACK_SECTION_LIMIT = 3000;
/** Slack rejects a message with more blocks than this. */
export const SLACK_MAX_BLOCKS = 50;

/** Link to the plan in the app; `baseUrl` is the app's public origin from the environment. */
export function planUrl(event: NotificationEvent, baseUrl: string): string {
  return new URL(`/plans/${encodeURIComponent(event.planId)}`, baseUrl).toString();
}

function facts(event: NotificationEvent): { title: string; value: string }[] {
  const rows = [
    { title: "Plan", value: event.planName ?? event.planId },
    { title: "Destination", value: event.destination },
  ];
  if (event.chunkLabel) rows.push({ title: "Chunk", value: event.chunkLabel });
  if (event.importId) rows.push({ title: "Import", value: event.importId });
  if (event.eventsCompleted !== undefined)
    rows.push({ title: "Events copied", value: event.eventsCompleted.toLocaleString("en") });
  if (event.counts) {
    const { completed, failed, stopped, skipped, total } = event.counts;
    rows.push({
      title: "Chunks",
      value: `${completed} completed, ${failed} failed, ${stopped} stopped, ${skipped} skipped of ${total}`,
    });
  }
  return rows;
}

/** The one-line text every channel starts with, also Slack's notification fallback. */
export function headline(event: NotificationEvent): string {
  return `${TITLES[event.kind]}: ${event.planName ?? event.planId}`;
}

// Slack's mrkdwn treats these three as control characters.
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function slackPayload(event: NotificationEvent, baseUrl: string) {
  const details = facts(event)
    .map((row) => `*${row.title}:* ${slackEscape(row.value)}`)
    .join("\n");
  const blocks = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: clip(`*${slackEscape(headline(event))}*`, SLACK_SECTION_LIMIT),
      },
    },
    { type: "section", text: { type: "mrkdwn", text: clip(details, SLACK_SECTION_LIMIT) } },
    ...(event.reason
      ? [
          {
            type: "section",
            text: { type: "mrkdwn", text: clip(slackEscape(event.reason), SLACK_SECTION_LIMIT) },
          },
        ]
      : []),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Open the plan" },
          url: planUrl(event, baseUrl),
        },
      ],
    },
  ].slice(0, SLACK_MAX_BLOCKS);
  return { text: headline(event), blocks };
}

export function teamsPayload(event: NotificationEvent, baseUrl: string) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.2",
          body: [
            {
              type: "TextBlock",
              text: headline(event),
              weight: "Bolder",
              size: "Medium",
              wrap: true,
            },
            { type: "FactSet", facts: facts(event) },
            ...(event.reason ? [{ type: "TextBlock", text: event.reason, wrap: true }] : []),
          ],
          actions: [
            { type: "Action.OpenUrl", title: "Open the plan", url: planUrl(event, baseUrl) },
          ],
        },
      },
    ],
  };
}

/** Standard Webhooks' suggested shape: a dotted type, the event time and the event as data. */
export function genericPayload(event: NotificationEvent) {
  return { type: `backfill.${event.kind}`, timestamp: event.occurredAt, data: event };
}

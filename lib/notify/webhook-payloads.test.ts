import { describe, expect, it } from "vitest";
import type { NotificationEvent } from "./events";
import {
  SLACK_SECTION_LIMIT,
  genericPayload,
  headline,
  slackPayload,
  teamsPayload,
} from "./webhook-payloads";

const EVENT: NotificationEvent = {
  kind: "import-failed",
  id: "import-failed:c1:2",
  occurredAt: "2026-02-01T12:00:00.000Z",
  planId: "7a0e2d54-8c1b-4f6e-9a3d-2b5c8e1f4a70",
  planName: "Backfill <2025> & more",
  destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/store-a",
  chunkLabel: "s3://trail-logs/ 2025-01-01 to 2025-01-07",
  importId: "aaaaaaaa-0000-4000-8000-000000000001",
  reason: "Some files failed with AccessDenied.",
};
const BASE = "https://imports.example.com";
const PLAN_URL = `${BASE}/plans/${EVENT.planId}`;

describe("slackPayload", () => {
  it("has a fallback text, escaped mrkdwn sections and a link button", () => {
    const payload = slackPayload(EVENT, BASE);
    expect(payload.text).toBe("Import failed: Backfill <2025> & more");
    expect(payload.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "*Import failed: Backfill &lt;2025&gt; &amp; more*" },
    });
    expect(JSON.stringify(payload.blocks)).toContain(PLAN_URL);
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
  });

  it("keeps every section within Slack's 3,000 characters", () => {
    const payload = slackPayload({ ...EVENT, reason: "x".repeat(5000) }, BASE);
    for (const block of payload.blocks) {
      if (block.type === "section" && "text" in block)
        expect((block.text?.text ?? "").length).toBeLessThanOrEqual(SLACK_SECTION_LIMIT);
    }
    expect(payload.blocks[2]).toMatchObject({ text: { text: expect.stringMatching(/…$/) } });
  });
});

describe("teamsPayload", () => {
  it("wraps an Adaptive Card in a message envelope with an OpenUrl action", () => {
    const payload = teamsPayload(
      { ...EVENT, counts: { completed: 3, failed: 1, stopped: 0, skipped: 0, total: 4 } },
      BASE,
    );
    expect(payload.type).toBe("message");
    const [attachment] = payload.attachments;
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment?.content.type).toBe("AdaptiveCard");
    expect(attachment?.content.actions).toEqual([
      { type: "Action.OpenUrl", title: "Open the plan", url: PLAN_URL },
    ]);
    expect(JSON.stringify(attachment?.content.body)).toContain(
      "3 completed, 1 failed, 0 stopped, 0 skipped of 4",
    );
  });
});

describe("genericPayload", () => {
  it("carries a dotted type, the time and the whole event", () => {
    expect(genericPayload(EVENT)).toEqual({
      type: "backfill.import-failed",
      timestamp: EVENT.occurredAt,
      data: EVENT,
    });
    expect(headline({ ...EVENT, kind: "plan-completed", planName: undefined })).toBe(
      `Backfill plan completed: ${EVENT.planId}`,
    );
  });
});

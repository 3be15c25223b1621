import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import {
  DEFAULT_MAX_RETRIES,
  normalizeS3Uri,
  parseUtcDay,
  planDraftSchema,
  planSourceSchema,
  sourcePrefixes,
} from "./plan";
import { chunkRowSchema, planRowSchema } from "./plan-rows";

const STORE = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-store";
const ROLE = "arn:aws:iam::111122223333:role/CloudTrailLakeImport";
const SOURCE = {
  s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail/",
  bucketRegion: "us-east-1",
  roleArn: ROLE,
};
const DRAFT = {
  destination: STORE,
  sources: [SOURCE],
  range: { from: "2026-01-01", to: "2026-03-31" },
  chunkSize: "week",
};

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-06-15T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("planDraftSchema", () => {
  it("accepts a plan and defaults maxRetries", () => {
    const draft = planDraftSchema.parse(DRAFT);
    expect(draft.maxRetries).toBe(DEFAULT_MAX_RETRIES);
    expect(draft.chunkSize).toBe("week");
  });

  it("refuses a plan without sources", () => {
    expect(messages(planDraftSchema, { ...DRAFT, sources: [] })).toContain(
      "Add at least one source",
    );
  });

  it("refuses an end before the start, naming the field", () => {
    const result = planDraftSchema.safeParse({
      ...DRAFT,
      range: { from: "2026-02-01", to: "2026-01-31" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["range", "to"]);
    expect(result.error?.issues[0]?.message).toBe("Last day must be on or after the first day");
  });

  it("accepts a one-day range", () => {
    expect(
      planDraftSchema.safeParse({ ...DRAFT, range: { from: "2026-01-01", to: "2026-01-01" } })
        .success,
    ).toBe(true);
  });

  it("refuses more than five years and accepts exactly 1,827 days", () => {
    expect(
      planDraftSchema.safeParse({ ...DRAFT, range: { from: "2021-01-01", to: "2026-01-01" } })
        .success,
    ).toBe(true);
    expect(
      messages(planDraftSchema, { ...DRAFT, range: { from: "2021-01-01", to: "2026-01-02" } })[0],
    ).toMatch(/1828 days; a plan covers at most 1827 days/);
  });

  it("refuses today and later, because today's logs are still arriving", () => {
    expect(
      messages(planDraftSchema, { ...DRAFT, range: { from: "2026-06-01", to: "2026-06-15" } })[0],
    ).toMatch(/before today/);
    expect(
      planDraftSchema.safeParse({ ...DRAFT, range: { from: "2026-06-01", to: "2026-06-14" } })
        .success,
    ).toBe(true);
  });

  it("refuses dates that are not on the calendar or not UTC days", () => {
    expect(
      messages(planDraftSchema, { ...DRAFT, range: { from: "2026-02-30", to: "2026-03-01" } })[0],
    ).toMatch(/First day must be a real calendar date/);
    expect(
      messages(planDraftSchema, {
        ...DRAFT,
        range: { from: "2026-01-01T00:00:00Z", to: "2026-03-01" },
      }),
    ).toHaveLength(1);
  });

  it("refuses two sources reading the same prefix, trailing slash or not", () => {
    const found = messages(planDraftSchema, {
      ...DRAFT,
      sources: [SOURCE, { ...SOURCE, s3Uri: SOURCE.s3Uri.slice(0, -1) }],
    });
    expect(found).toEqual([`Source 2 reads ${SOURCE.s3Uri}, which source 1 already reads`]);
  });

  it("refuses an organisation account that a plain source already reads", () => {
    const org = {
      ...SOURCE,
      s3Uri: "s3://org-trail/",
      organization: { organizationId: "o-abcdefghij", accountIds: ["111122223333"] },
    };
    const plain = {
      ...SOURCE,
      s3Uri: "s3://org-trail/AWSLogs/o-abcdefghij/111122223333/CloudTrail/",
    };
    expect(messages(planDraftSchema, { ...DRAFT, sources: [org, plain] })[0]).toMatch(
      /source 1 already reads/,
    );
  });

  it("bounds maxRetries and coerces form strings", () => {
    expect(planDraftSchema.parse({ ...DRAFT, maxRetries: "5" }).maxRetries).toBe(5);
    expect(messages(planDraftSchema, { ...DRAFT, maxRetries: 11 })).toEqual([
      "Retries must be at most 10",
    ]);
    expect(messages(planDraftSchema, { ...DRAFT, maxRetries: 1.5 })).toEqual([
      "Retries must be a whole number",
    ]);
  });

  it("reuses the import resource rules", () => {
    expect(messages(planDraftSchema, { ...DRAFT, destination: "nope" }).join()).toMatch(
      /event data store ARN/,
    );
    expect(messages(planDraftSchema, { ...DRAFT, chunkSize: "year" })).toEqual([
      "Chunk size must be day, week, month or whole",
    ]);
  });
});

describe("planSourceSchema", () => {
  const org = { organizationId: "o-abcdefghij", accountIds: ["111122223333", "444455556666"] };

  it("requires 12-digit account ids, each once", () => {
    expect(
      messages(planSourceSchema, {
        ...SOURCE,
        s3Uri: "s3://org-trail/",
        organization: { ...org, accountIds: ["1234"] },
      }),
    ).toEqual(["Account IDs are exactly 12 digits"]);
    expect(
      messages(planSourceSchema, {
        ...SOURCE,
        s3Uri: "s3://org-trail/",
        organization: { ...org, accountIds: ["111122223333", "111122223333"] },
      }),
    ).toEqual(["Each account may be ticked only once"]);
  });

  it("requires an organisation URI to stop above AWSLogs/", () => {
    expect(messages(planSourceSchema, { ...SOURCE, organization: org })[0]).toMatch(
      /above AWSLogs\//,
    );
  });

  it("checks the organisation id shape", () => {
    expect(
      messages(planSourceSchema, {
        ...SOURCE,
        s3Uri: "s3://org-trail/",
        organization: { ...org, organizationId: "o-1" },
      })[0],
    ).toMatch(/o-a1b2c3d4e5/);
  });
});

describe("sourcePrefixes", () => {
  it("expands an organisation trail to one CloudTrail prefix per account, under the trail's prefix", () => {
    const source = planSourceSchema.parse({
      ...SOURCE,
      s3Uri: "s3://org-trail/team-a",
      organization: {
        organizationId: "o-abcdefghij",
        accountIds: ["111122223333", "444455556666"],
      },
    });
    expect(sourcePrefixes(source)).toEqual([
      {
        s3Uri: "s3://org-trail/team-a/AWSLogs/o-abcdefghij/111122223333/CloudTrail/",
        accountId: "111122223333",
      },
      {
        s3Uri: "s3://org-trail/team-a/AWSLogs/o-abcdefghij/444455556666/CloudTrail/",
        accountId: "444455556666",
      },
    ]);
  });

  it("keeps a plain source as one prefix with a trailing slash", () => {
    expect(
      sourcePrefixes({ ...SOURCE, s3Uri: "s3://org-trail/AWSLogs/111122223333/CloudTrail" }),
    ).toEqual([{ s3Uri: "s3://org-trail/AWSLogs/111122223333/CloudTrail/" }]);
    expect(normalizeS3Uri("s3://b")).toBe("s3://b/");
  });

  it("parses only real UTC dates", () => {
    expect(parseUtcDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseUtcDay("2025-02-29")).toBeNull();
  });
});

describe("row schemas", () => {
  const PLAN_ID = "7a0e2d54-8c1b-4f6e-9a3d-2b5c8e1f4a70";
  const planRow = {
    id: PLAN_ID,
    destination: STORE,
    chunkSize: "week",
    state: "active",
    maxRetries: 3,
    createdBy: "ana@example.com",
    createdAt: "2026-01-01 00:00:00+00",
    name: null,
  };
  const chunkRow = {
    id: "0d6f1c2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5",
    planId: PLAN_ID,
    key: "k",
    index: 0,
    s3Uri: SOURCE.s3Uri,
    bucketRegion: "us-east-1",
    roleArn: ROLE,
    start: new Date("2026-01-01T00:00:00Z"),
    end: "2026-01-01T23:59:59Z",
    state: "running",
    attempts: 1,
    importId: null,
    statistics: { eventsCompleted: "12" },
  };

  it("reads PostgreSQL text timestamps and nulls as absent", () => {
    const plan = planRowSchema.parse(planRow);
    expect(plan.createdAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(plan.name).toBeUndefined();
    const chunk = chunkRowSchema.parse(chunkRow);
    expect(chunk.end.toISOString()).toBe("2026-01-01T23:59:59.000Z");
    expect(chunk.importId).toBeUndefined();
    expect(chunk.statistics?.eventsCompleted).toBe(12);
  });

  it("maps a plan state from another version to paused, so nothing starts unattended", () => {
    expect(planRowSchema.parse({ ...planRow, state: "archived" }).state).toBe("paused");
    expect(planRowSchema.parse({ ...planRow, chunkSize: "fortnight" }).chunkSize).toBe("whole");
  });

  it("maps an unknown chunk state to held", () => {
    expect(chunkRowSchema.parse({ ...chunkRow, state: "verifying" }).state).toBe("held");
  });

  it("still rejects rows that are not plans at all", () => {
    expect(planRowSchema.safeParse({ ...planRow, createdAt: "yesterday" }).success).toBe(false);
    expect(chunkRowSchema.safeParse({ ...chunkRow, attempts: -1 }).success).toBe(false);
  });
});

// Paging to the end through the SDK paginators with 10,000 seeded imports (both Regions):
// every token is new, nothing repeats or goes missing, order stays newest first.
import {
  ListImportsCommand,
  StartImportCommand,
  paginateListImportFailures,
  paginateListImports,
  type CloudTrailClient,
} from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { DEMO_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "./seed/constants.ts";
import { waitForStatus } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const SEEDED = 10_000;
const world = lakeForFile({ seedImports: SEEDED });

async function pageAll(client: CloudTrailClient) {
  const ids: string[] = [];
  const times: number[] = [];
  const tokens: string[] = [];
  for await (const page of paginateListImports({ client, pageSize: 1000 }, {})) {
    expect(page.Imports?.length).toBeLessThanOrEqual(1000);
    for (const item of page.Imports ?? []) {
      ids.push(item.ImportId ?? "");
      times.push(item.CreatedTimestamp?.getTime() ?? 0);
    }
    if (page.NextToken) tokens.push(page.NextToken);
  }
  return { ids, times, tokens };
}

describe("pagination", () => {
  it("pages ListImports with MaxResults 1000 through all 10,000 seeded imports", async () => {
    const us = await pageAll(world().client("us-east-1"));
    const eu = await pageAll(world().client("eu-west-1"));
    const all = [...us.ids, ...eu.ids];
    expect(all).toHaveLength(SEEDED);
    expect(new Set(all).size).toBe(SEEDED);
    for (const { times, tokens, ids } of [us, eu]) {
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(new Set(tokens).size).toBe(tokens.length);
      expect(tokens.length).toBe(Math.ceil(ids.length / 1000) - 1);
      for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("keeps pages consistent when a new import arrives between pages", async () => {
    const client = world().client("us-east-1");
    const first = await client.send(new ListImportsCommand({ MaxResults: 5 }));
    const started = await client.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: DEMO_TRAIL_URI,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    const second = await client.send(
      new ListImportsCommand({ MaxResults: 5, NextToken: first.NextToken }),
    );
    const seen = [...(first.Imports ?? []), ...(second.Imports ?? [])].map((i) => i.ImportId);
    expect(new Set(seen).size).toBe(10);
    expect(seen).not.toContain(started.ImportId);
    await waitForStatus(client, started.ImportId ?? "", ["COMPLETED", "FAILED"], 30_000);
  });

  it("pages ListImportFailures one entry at a time with distinct tokens", async () => {
    const client = world().client("us-east-1");
    const failed = await client.send(
      new ListImportsCommand({
        ImportStatus: "FAILED",
        Destination: STORES.demo.arn,
        MaxResults: 1000,
      }),
    );
    // The newest FAILED import is the one the previous test ran over the whole bucket (3 corrupt files).
    const id = failed.Imports?.[0]?.ImportId ?? "";
    const locations: string[] = [];
    const tokens: string[] = [];
    for await (const page of paginateListImportFailures(
      { client, pageSize: 1 },
      { ImportId: id },
    )) {
      expect(page.Failures?.length).toBeLessThanOrEqual(1);
      locations.push(...(page.Failures ?? []).map((f) => f.Location ?? ""));
      if (page.NextToken) tokens.push(page.NextToken);
    }
    expect(locations).toHaveLength(3);
    expect(new Set(locations).size).toBe(3);
    expect(new Set(tokens).size).toBe(2);
  });
});

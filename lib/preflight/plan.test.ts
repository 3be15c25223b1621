import { describe, expect, it } from "vitest";
import { preflightRequestSchema } from "@/lib/schemas/preflight";
import { pagesPerRoot, planPreflight, PREFLIGHT_LIMITS, roleIsReadable } from "./plan";
import { ACCOUNT, KMS_KEY, NOW, regionRoot, ROLE_ARN, STORE_ARN } from "./test-facts";

const request = preflightRequestSchema.parse({
  destination: STORE_ARN,
  s3Uri: "s3://trail-logs/AWSLogs/",
  bucketRegion: "us-east-1",
  roleArn: ROLE_ARN,
  startTime: "2026-02-01",
  endTime: "2026-02-07T23:59:59Z",
});

describe("planPreflight", () => {
  it("bounds the calls before anything is known", () => {
    const { calls, maxCalls } = planPreflight(request, {
      regions: ["us-east-1", "eu-west-1"],
      now: NOW,
    });
    expect(calls[0]).toMatchObject({ service: "sts", operation: "GetCallerIdentity" });
    expect(calls.find((c) => c.operation === "ListObjectsV2")?.params).toEqual({
      Bucket: "trail-logs",
      Prefix: "AWSLogs/",
      Delimiter: "/",
    });
    // Fixed reads, discovery, listing pages, samples, simulations, and import reads in two Regions.
    expect(maxCalls).toBeLessThanOrEqual(250);
    expect(maxCalls).toBe(calls.reduce((n, c) => n + c.maxCalls, 0));
  });

  it("lists each Region folder from the first day of the range, within the page budget", () => {
    const roots = ["us-east-1", "eu-west-1", "ap-south-1"].map((r) =>
      regionRoot(`AWSLogs/${ACCOUNT}/CloudTrail/${r}/`),
    );
    const { calls } = planPreflight(request, {
      regions: ["us-east-1"],
      roots,
      sampleKeys: ["k1"],
      kmsKeys: [KMS_KEY],
      callerAccountId: ACCOUNT,
      organizationStore: false,
      now: NOW,
    });
    const listings = calls.filter((c) => c.operation === "ListObjectsV2");
    expect(listings.map((c) => c.params)).toEqual(
      roots.map((r) => ({
        Bucket: "trail-logs",
        Prefix: r.root,
        StartAfter: `${r.root}2026/02/01`,
      })),
    );
    expect(listings.reduce((n, c) => n + c.maxCalls, 0)).toBeLessThanOrEqual(
      PREFLIGHT_LIMITS.listPagesTotal,
    );
    expect(calls.some((c) => c.operation === "DescribeOrganization")).toBe(false);
    const kms = calls.filter(
      (c) =>
        c.operation === "SimulatePrincipalPolicy" &&
        (c.params.ActionNames as string[]).includes("kms:Decrypt"),
    );
    expect(kms.map((c) => c.params.ResourceArns)).toEqual([[KMS_KEY]]);
    expect(calls.filter((c) => c.operation === "HeadObject").map((c) => c.params.Key)).toEqual([
      "k1",
    ]);
  });

  it("never passes the bucket policy to the simulator, which refuses it for roles", () => {
    const { calls } = planPreflight(request, { regions: ["us-east-1"], now: NOW });
    const simulation = calls.find((c) => c.operation === "SimulatePrincipalPolicy");
    expect(simulation?.params).not.toHaveProperty("ResourcePolicy");
    expect(simulation?.params.ContextEntries).toContainEqual({
      ContextKeyName: "aws:SourceArn",
      ContextKeyValues: [STORE_ARN],
      ContextKeyType: "string",
    });
  });

  it("skips IAM reads of a role in another account", () => {
    expect(roleIsReadable(ROLE_ARN, "999988887777")).toBe(false);
    const { calls } = planPreflight(request, {
      regions: ["us-east-1"],
      callerAccountId: "999988887777",
      now: NOW,
    });
    expect(calls.some((c) => c.service === "iam")).toBe(false);
  });

  it("shares the page budget between Region folders", () => {
    expect(pagesPerRoot(1)).toBe(PREFLIGHT_LIMITS.listPagesPerRoot);
    expect(pagesPerRoot(60) * 60).toBeLessThanOrEqual(PREFLIGHT_LIMITS.listPagesTotal);
    expect(pagesPerRoot(0)).toBe(0);
  });
});

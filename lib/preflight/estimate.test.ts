import { describe, expect, it } from "vitest";
import { evaluateBucketRegion } from "./bucket-region";
import { evaluateDestination } from "./destination";
import { evaluateEncryption } from "./encryption";
import { estimateImport, importRate } from "./estimate";
import { accessDenied, fetched, type ImportFacts } from "./facts";
import { evaluateFileKinds } from "./file-kinds";
import { evaluateLogFiles } from "./log-files";
import { evaluateObjectOwnership } from "./object-ownership";
import { evaluateOngoing } from "./ongoing";
import { evaluateOverlap } from "./overlap";
import { DEFAULT_LAKE_PRICES, ingestionCost, lakePricesFromEnv } from "./pricing";
import { evaluateRetention } from "./retention";
import { evaluateRolePermissions } from "./role-permissions";
import { evaluateRoleTrust } from "./role-trust";
import { summarizePreflight } from "./summary";
import {
  ACCOUNT,
  BUCKET,
  CLEAN_LISTING,
  CLEAN_ROLE,
  CLEAN_STORE,
  NOW,
  OBJECT_ARN,
  POLICY_INPUTS,
  RANGE,
  ROLE_ARN,
  S3_URI,
  simulation,
} from "./test-facts";

const GB = 2 ** 30;
const TB = 1024 * GB;

describe("a clean source", () => {
  it("passes every check and is ready to start", () => {
    const store = fetched(CLEAN_STORE);
    const caller = fetched({
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/s`,
    });
    const heads = fetched([
      {
        key: "k",
        serverSideEncryption: "AES256",
        kmsKeyId: undefined,
        storageClass: "STANDARD",
        archiveStatus: undefined,
      },
    ]);
    const checks = [
      evaluateDestination({ store, caller }),
      evaluateRetention({ store, range: RANGE, now: NOW }),
      evaluateBucketRegion({
        bucket: BUCKET,
        givenRegion: "us-east-1",
        head: fetched({ region: "us-east-1" }),
      }),
      evaluateObjectOwnership({
        bucket: BUCKET,
        controls: fetched({ objectOwnership: "BucketOwnerEnforced" }),
      }),
      evaluateLogFiles({ s3Uri: S3_URI, range: RANGE, now: NOW, listing: CLEAN_LISTING }),
      evaluateFileKinds({ bucket: BUCKET, listing: CLEAN_LISTING }),
      evaluateEncryption({ ...POLICY_INPUTS, roleArn: ROLE_ARN, heads, decrypt: {} }),
      evaluateRoleTrust({ ...POLICY_INPUTS, role: CLEAN_ROLE }),
      evaluateRolePermissions({
        ...POLICY_INPUTS,
        roleArn: ROLE_ARN,
        objectArn: OBJECT_ARN,
        simulation: fetched(simulation()),
        bucketPolicy: fetched(null),
      }),
      evaluateOngoing({ region: "us-east-1", imports: { "us-east-1": fetched([]) } }),
      evaluateOverlap({ range: RANGE, now: NOW, store, imports: fetched([]) }),
    ];
    expect(checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(summarizePreflight(checks)).toMatchObject({
      verdict: "ready",
      needsStartAnyway: false,
      counts: { pass: 11 },
    });
  });
});

describe("summarizePreflight", () => {
  const check = (status: "pass" | "warning" | "failure" | "not-checked") => ({
    id: "retention" as const,
    status,
    title: "t",
    sentence: "s",
    details: [],
  });

  it("asks for Start anyway on any failure, and counts checks that couldn't run", () => {
    const summary = summarizePreflight([check("pass"), check("failure"), check("not-checked")]);
    expect(summary).toMatchObject({ verdict: "blocked", needsStartAnyway: true });
    expect(summary.sentence).toContain("1 check couldn't run");
    expect(summarizePreflight([check("warning"), check("not-checked")])).toMatchObject({
      verdict: "warnings",
      needsStartAnyway: false,
    });
  });
});

describe("pricing", () => {
  it("prices extendable retention at the CloudTrail-events row", () => {
    expect(
      ingestionCost(10 * GB, "EXTENDABLE_RETENTION_PRICING", DEFAULT_LAKE_PRICES).usd,
    ).toBeCloseTo(7.5);
    expect(ingestionCost(GB, undefined, DEFAULT_LAKE_PRICES).basis).toContain("wasn't reported");
  });

  it("walks the fixed retention tiers", () => {
    expect(ingestionCost(GB, "FIXED_RETENTION_PRICING", DEFAULT_LAKE_PRICES).usd).toBeCloseTo(2.5);
    // 5 TB at 2.50 + 20 TB at 1.00 + 1 TB at 0.50, per GB.
    const usd = ingestionCost(26 * TB, "FIXED_RETENTION_PRICING", DEFAULT_LAKE_PRICES).usd;
    expect(usd).toBeCloseTo(5 * 1024 * 2.5 + 20 * 1024 * 1 + 1024 * 0.5);
  });

  it("takes prices from the environment and rejects nonsense", () => {
    const prices = lakePricesFromEnv({
      LAKE_PRICE_EXTENDABLE_PER_GB: "0.9",
      LAKE_PRICE_FIXED_FIRST_5TB_PER_GB: "3",
    });
    expect(prices.extendablePerGb).toBe(0.9);
    expect(prices.fixedTiers.map((t) => t.perGb)).toEqual([3, 1, 0.5]);
    expect(() => lakePricesFromEnv({ LAKE_PRICE_EXTENDABLE_PER_GB: "-1" })).toThrow();
  });
});

describe("estimateImport", () => {
  const history: ImportFacts[] = [
    {
      importId: "a",
      region: "us-east-1",
      status: "COMPLETED",
      destinations: [],
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:10:00Z",
      statistics: { filesCompleted: 600 },
    },
    {
      importId: "b",
      region: "us-east-1",
      status: "FAILED",
      destinations: [],
      createdAt: "2026-01-02T00:00:00Z",
      updatedAt: "2026-01-02T01:00:00Z",
      statistics: { filesCompleted: 1 },
    },
  ];

  it("learns files per second from completed imports only", () => {
    expect(importRate(history)).toEqual({ filesPerSecond: 1, imports: 1 });
    expect(importRate([])).toBeNull();
  });

  it("scales the sampled ratio to all files and prices the uncompressed size", () => {
    const estimate = estimateImport({
      listing: CLEAN_LISTING,
      samples: [
        { key: "a", compressedBytes: 2048, uncompressedBytes: 20480 },
        { key: "b", compressedBytes: 2048, uncompressedBytes: null },
      ],
      store: fetched(CLEAN_STORE),
      prices: DEFAULT_LAKE_PRICES,
      history: fetched(history),
    });
    expect(estimate).toMatchObject({
      files: 28,
      compressedBytes: 28 * 2048,
      complete: true,
      uncompressed: { bytes: 28 * 20480, sampledFiles: 1, ratio: 10 },
      duration: { seconds: 28 },
    });
    expect(estimate.cost?.usd).toBeCloseTo(((28 * 20480) / GB) * 0.75);
    expect(estimate.cost?.source).toBe("https://aws.amazon.com/cloudtrail/pricing/");
    expect(estimate.notes).toEqual([
      "1 sampled file wasn't gzip or couldn't be read, and was left out of the ratio.",
    ]);
  });

  it("explains what it couldn't estimate", () => {
    const estimate = estimateImport({
      listing: CLEAN_LISTING,
      samples: [],
      store: fetched(CLEAN_STORE),
      prices: DEFAULT_LAKE_PRICES,
      history: accessDenied("cloudtrail:ListImports"),
    });
    expect(estimate.cost).toBeUndefined();
    expect(estimate.duration).toBeUndefined();
    expect(estimate.notes).toHaveLength(2);
    expect(
      estimateImport({
        listing: accessDenied("s3:ListBucket"),
        samples: [],
        store: fetched(CLEAN_STORE),
        prices: DEFAULT_LAKE_PRICES,
        history: fetched([]),
      }).complete,
    ).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  dayOfKey,
  discoverRegionRoots,
  isPastRange,
  rangeListing,
  resolvePrefix,
} from "./day-prefixes";
import { addPage, classifyKey, emptyRegionTally, pickSamples } from "./listing";
import { ACCOUNT, logKey, NOW, RANGE, regionRoot } from "./test-facts";

const ORG = "o-abcdefghij";

describe("resolvePrefix", () => {
  it("follows the fixed folder names down to what must be listed", () => {
    expect(resolvePrefix("")).toEqual({ kind: "list", prefix: "AWSLogs/", level: "awslogs" });
    expect(resolvePrefix("team-a/")).toEqual({
      kind: "list",
      prefix: "team-a/AWSLogs/",
      level: "awslogs",
    });
    expect(resolvePrefix(`AWSLogs/${ACCOUNT}`)).toEqual({
      kind: "list",
      prefix: `AWSLogs/${ACCOUNT}/CloudTrail/`,
      level: "cloudtrail",
    });
    expect(resolvePrefix(`AWSLogs/${ORG}/`)).toEqual({
      kind: "list",
      prefix: `AWSLogs/${ORG}/`,
      level: "organization",
    });
  });

  it("recognises a Region folder in both layouts, and a narrower prefix inside one", () => {
    expect(resolvePrefix(`AWSLogs/${ORG}/${ACCOUNT}/CloudTrail/eu-west-1/`)).toEqual({
      kind: "root",
      root: {
        region: "eu-west-1",
        root: `AWSLogs/${ORG}/${ACCOUNT}/CloudTrail/eu-west-1/`,
        listPrefix: `AWSLogs/${ORG}/${ACCOUNT}/CloudTrail/eu-west-1/`,
        accountId: ACCOUNT,
        organizationId: ORG,
      },
    });
    const narrowed = resolvePrefix(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/02`);
    expect(narrowed).toMatchObject({
      kind: "root",
      root: {
        root: `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/`,
        listPrefix: `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/02/`,
      },
    });
  });
});

describe("discoverRegionRoots", () => {
  const tree: Record<string, string[]> = {
    "AWSLogs/": [`AWSLogs/${ACCOUNT}/`, `AWSLogs/${ORG}/`, "AWSLogs/notes/"],
    [`AWSLogs/${ACCOUNT}/CloudTrail/`]: [`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/`],
    [`AWSLogs/${ORG}/`]: [`AWSLogs/${ORG}/444455556666/`],
    [`AWSLogs/${ORG}/444455556666/CloudTrail/`]: [
      `AWSLogs/${ORG}/444455556666/CloudTrail/us-east-1/`,
      `AWSLogs/${ORG}/444455556666/CloudTrail/ap-south-1/`,
    ],
  };

  it("finds every Region folder of a plain and an organisation trail, listing only folders", async () => {
    const listed: string[] = [];
    const found = await discoverRegionRoots("", async (prefix) => {
      listed.push(prefix);
      return tree[prefix] ?? [];
    });
    expect(found.truncated).toBe(false);
    expect(found.roots.map((r) => r.root)).toEqual([
      `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/`,
      `AWSLogs/${ORG}/444455556666/CloudTrail/us-east-1/`,
      `AWSLogs/${ORG}/444455556666/CloudTrail/ap-south-1/`,
    ]);
    expect(listed).toEqual([
      "AWSLogs/",
      `AWSLogs/${ACCOUNT}/CloudTrail/`,
      `AWSLogs/${ORG}/`,
      `AWSLogs/${ORG}/444455556666/CloudTrail/`,
    ]);
    expect(found.listings).toBe(4);
  });

  it("stops at the listing limit and says so", async () => {
    const found = await discoverRegionRoots("", async (prefix) => tree[prefix] ?? [], {
      maxListings: 2,
      maxRoots: 60,
    });
    expect(found).toMatchObject({ listings: 2, truncated: true });
  });
});

describe("range listing", () => {
  const root = regionRoot(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/`);

  it("starts after the day before the range and knows when a key is past its end", () => {
    const listing = rangeListing(root, RANGE, NOW);
    expect(listing).toEqual({
      Prefix: root.root,
      StartAfter: `${root.root}2026/02/01`,
      firstDay: "2026/02/01",
      lastDay: "2026/02/07",
    });
    expect(logKey("us-east-1", new Date("2026-02-01T00:05:00Z")) > (listing.StartAfter ?? "")).toBe(
      true,
    );
    expect(logKey("us-east-1", new Date("2026-01-31T23:55:00Z")) > (listing.StartAfter ?? "")).toBe(
      false,
    );
    expect(
      isPastRange(
        root.root,
        logKey("us-east-1", new Date("2026-02-07T23:55:00Z")),
        listing.lastDay,
      ),
    ).toBe(false);
    expect(
      isPastRange(
        root.root,
        logKey("us-east-1", new Date("2026-02-08T00:05:00Z")),
        listing.lastDay,
      ),
    ).toBe(true);
    expect(dayOfKey(root.root, `${root.root}2026/02/03/x.json.gz`)).toBe("2026/02/03");
  });

  it("lists from the oldest file when the range has no start", () => {
    expect(rangeListing(root, {}, NOW)).toEqual({ Prefix: root.root, lastDay: "2026/03/01" });
  });

  it("tallies files and bytes per day, sorts out odd files and stops past the range", () => {
    const tally = emptyRegionTally(root);
    const key = (day: number, hour: number) =>
      logKey("us-east-1", new Date(Date.UTC(2026, 1, day, hour)));
    const more = addPage(tally, rangeListing(root, RANGE, NOW), {
      objects: [
        { key: key(1, 1), size: 100, storageClass: "STANDARD" },
        { key: key(1, 2), size: 50, storageClass: "GLACIER_IR" },
        { key: key(2, 1), size: 70, storageClass: "DEEP_ARCHIVE" },
        { key: key(2, 2).replace(".json.gz", ".json"), size: 900, storageClass: "STANDARD" },
        { key: `${root.root}2026/02/03/readme.txt`, size: 5, storageClass: "STANDARD" },
        { key: key(9, 1), size: 100, storageClass: "STANDARD" },
      ],
      commonPrefixes: [],
      nextToken: "more",
    });
    expect(more).toBe(false);
    expect(tally.days).toEqual({
      "2026/02/01": { files: 2, bytes: 150 },
      "2026/02/02": { files: 1, bytes: 70 },
    });
    expect(tally.readable).toEqual({ files: 2, bytes: 150 });
    expect(tally.archived.count).toBe(1);
    expect(tally.uncompressed.count).toBe(1);
    expect(tally.notCloudTrail.examples).toEqual([`${root.root}2026/02/03/readme.txt`]);
    expect(tally.glacierInstantRetrieval).toBe(1);
    expect(pickSamples([tally], 4).map((s) => s.key)).toEqual([key(1, 1)]);
  });

  it("classifies keys by CloudTrail's file naming", () => {
    expect(classifyKey(logKey("us-east-1", NOW))).toBe("log");
    expect(classifyKey(logKey("us-east-1", NOW).replace(".gz", ""))).toBe("uncompressed");
    expect(
      classifyKey(`${root.root}2026/02/01/${ACCOUNT}_CloudTrail-Digest_us-east-1_x.json.gz`),
    ).toBe("not-cloudtrail");
  });
});

import { describe, expect, it } from "vitest";
import {
  type RegionPage,
  decodeCursor,
  encodeCursor,
  firstCursor,
  mergeRegionPages,
  parseListFilters,
  regionsToRead,
} from "./imports-list-query";

const REGIONS = ["us-east-1", "eu-west-1"];
const EU_STORE =
  "arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/8a1c3e5f-7b9d-4f2a-8c4e-6a8b0c2d4e02";

type Item = { importId: string; createdAt?: string };
const item = (id: string, minute: number): Item => ({
  importId: id,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
});

describe("parseListFilters", () => {
  it("keeps valid filters and drops invalid or unconfigured ones", () => {
    expect(
      parseListFilters({ status: "FAILED", destination: EU_STORE, region: "eu-west-1" }, REGIONS),
    ).toEqual({
      status: "FAILED",
      destination: EU_STORE,
      region: "eu-west-1",
    });
    expect(
      parseListFilters({ status: "failed", destination: "nope", region: "ap-south-1" }, REGIONS),
    ).toEqual({});
    expect(parseListFilters({ status: ["STOPPED", "FAILED"] }, REGIONS)).toEqual({
      status: "STOPPED",
    });
  });
});

describe("regionsToRead", () => {
  it("reads every Region by default, one with a Region filter, and the destination's own", () => {
    expect(regionsToRead({}, REGIONS)).toEqual(REGIONS);
    expect(regionsToRead({ region: "eu-west-1" }, REGIONS)).toEqual(["eu-west-1"]);
    expect(regionsToRead({ destination: EU_STORE }, REGIONS)).toEqual(["eu-west-1"]);
    expect(regionsToRead({ destination: EU_STORE, region: "us-east-1" }, REGIONS)).toEqual([]);
  });
});

describe("cursor encoding", () => {
  it("round-trips", () => {
    const cursor = { "us-east-1": { token: "abcd-token", skip: 3 }, "eu-west-1": { skip: 0 } };
    expect(decodeCursor(encodeCursor(cursor), REGIONS)).toEqual(cursor);
  });
  it("rejects malformed, tampered or foreign-Region cursors", () => {
    expect(decodeCursor(undefined, REGIONS)).toBeNull();
    expect(decodeCursor("%%%", REGIONS)).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"), REGIONS)).toBeNull();
    expect(
      decodeCursor(encodeCursor({ "us-east-1": { token: "ab", skip: 0 } }), REGIONS),
    ).toBeNull();
    expect(decodeCursor(encodeCursor({ "us-east-1": { skip: -1 } }), REGIONS)).toBeNull();
    expect(decodeCursor(encodeCursor({ "ap-south-1": { skip: 0 } }), REGIONS)).toBeNull();
    expect(decodeCursor(encodeCursor({}), REGIONS)).toBeNull();
  });
  it("starts every Region at its first page", () => {
    expect(firstCursor(REGIONS)).toEqual({ "us-east-1": { skip: 0 }, "eu-west-1": { skip: 0 } });
  });
});

describe("mergeRegionPages", () => {
  it("merges newest first and advances each Region by what it contributed", () => {
    const pages: RegionPage<Item>[] = [
      {
        region: "us-east-1",
        position: { skip: 0 },
        items: [item("a", 50), item("b", 30), item("c", 10)],
        nextToken: "us-next",
      },
      {
        region: "eu-west-1",
        position: { skip: 0 },
        items: [item("x", 40), item("y", 20)],
        nextToken: "eu-next",
      },
    ];
    const { rows, next } = mergeRegionPages(pages, 3);
    expect(rows.map((r) => `${r.region}:${r.importId}`)).toEqual([
      "us-east-1:a",
      "eu-west-1:x",
      "us-east-1:b",
    ]);
    expect(next).toEqual({ "us-east-1": { skip: 2 }, "eu-west-1": { skip: 1 } });
  });

  it("moves a used-up page to its NextToken and drops exhausted Regions", () => {
    const pages: RegionPage<Item>[] = [
      {
        region: "us-east-1",
        position: { token: "t1-token", skip: 1 },
        items: [item("a", 50), item("b", 30)],
        nextToken: "t2-token",
      },
      { region: "eu-west-1", position: { skip: 0 }, items: [item("x", 40)] },
    ];
    const { rows, next } = mergeRegionPages(pages, 10);
    expect(rows.map((r) => r.importId)).toEqual(["x", "b"]);
    expect(next).toEqual({ "us-east-1": { token: "t2-token", skip: 0 } });
  });

  it("returns no cursor once every Region is exhausted", () => {
    const { next } = mergeRegionPages(
      [{ region: "us-east-1", position: { skip: 0 }, items: [item("a", 1)] }],
      5,
    );
    expect(next).toBeUndefined();
  });

  it("visits every item exactly once when paging through (simulated ListImports)", () => {
    const all: Record<string, Item[]> = {
      "us-east-1": Array.from({ length: 23 }, (_, i) => item(`u${i}`, 1000 - i * 3)),
      "eu-west-1": Array.from({ length: 17 }, (_, i) => item(`e${i}`, 999 - i * 4)),
    };
    const pageOf = (region: string, token: string | undefined, size: number) => {
      const start = token ? Number(token.slice(4)) : 0;
      const items = (all[region] ?? []).slice(start, start + size);
      const end = start + size;
      return end < (all[region]?.length ?? 0) ? { items, nextToken: `tok-${end}` } : { items };
    };
    let cursor = firstCursor(REGIONS);
    const seen: string[] = [];
    for (let screen = 0; screen < 50; screen++) {
      const pages = Object.entries(cursor).map(([region, position]) => ({
        region,
        position,
        ...pageOf(region, position.token, 7),
      }));
      const { rows, next } = mergeRegionPages(pages, 5);
      seen.push(...rows.map((r) => r.importId));
      if (!next) break;
      cursor = next;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});

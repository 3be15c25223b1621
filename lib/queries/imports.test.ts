import { afterEach, describe, expect, it, vi } from "vitest";
import {
  importDetailOptions,
  importFailuresOptions,
  importKeys,
  importListOptions,
  listSearch,
} from "./imports";

const ID = "0e9b2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e";

describe("importKeys", () => {
  it("nests every key under its parent so one invalidation reaches its children", () => {
    const list = importKeys.list({ status: "FAILED" });
    const detail = importKeys.detail(ID, "us-east-1");
    const failures = importKeys.failures(ID, "us-east-1", "next-token");
    expect(list.slice(0, 2)).toEqual(importKeys.lists());
    expect(importKeys.lists().slice(0, 1)).toEqual(importKeys.all);
    expect(detail.slice(0, 2)).toEqual(importKeys.details());
    expect(failures.slice(0, detail.length)).toEqual(detail);
  });
  it("tells different filters, pages and imports apart", () => {
    expect(importKeys.list({ status: "FAILED" })).not.toEqual(
      importKeys.list({ status: "STOPPED" }),
    );
    expect(importKeys.failures(ID, "us-east-1", null)).not.toEqual(
      importKeys.failures(ID, "us-east-1", "abcd"),
    );
    expect(importKeys.detail(ID, "us-east-1")).not.toEqual(importKeys.detail(ID, "eu-west-1"));
  });
  it("is what the option builders use", () => {
    expect(importListOptions({ region: "eu-west-1" }).queryKey).toEqual(
      importKeys.list({ region: "eu-west-1" }),
    );
    expect(importDetailOptions(ID, "us-east-1").queryKey).toEqual(
      importKeys.detail(ID, "us-east-1"),
    );
    expect(importFailuresOptions(ID, "us-east-1", null).queryKey).toEqual(
      importKeys.failures(ID, "us-east-1", null),
    );
  });
});

describe("listSearch", () => {
  it("writes only the set values, in a stable order", () => {
    expect(listSearch({})).toBe("");
    expect(listSearch({ region: "eu-west-1", status: "FAILED", cursor: "abc" })).toBe(
      "?status=FAILED&region=eu-west-1&cursor=abc",
    );
  });
});

describe("importFailuresOptions", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("asks past the server cache only when fresh, and answers under the same key", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return Response.json({ items: [] });
    });
    const plain = importFailuresOptions(ID, "us-east-1", "abcd");
    const fresh = importFailuresOptions(ID, "us-east-1", "abcd", { fresh: true });
    expect(fresh.queryKey).toEqual(plain.queryKey);
    const context = { signal: new AbortController().signal } as Parameters<
      NonNullable<typeof plain.queryFn>
    >[0];
    await plain.queryFn?.(context);
    await fresh.queryFn?.(context);
    expect(urls).toEqual([
      `/api/imports/${ID}/failures?region=us-east-1&nextToken=abcd`,
      `/api/imports/${ID}/failures?region=us-east-1&nextToken=abcd&fresh=1`,
    ]);
  });
});

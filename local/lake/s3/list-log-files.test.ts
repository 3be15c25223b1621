import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listLogFiles, type ListResult } from "./list-log-files.ts";

const ACCT = "111122223333";
const TRAIL = `AWSLogs/${ACCT}/CloudTrail`;
const logName = (region: string, stamp: string, suffix = "AbCdEfGh12345678"): string =>
  `${ACCT}_CloudTrail_${region}_${stamp}_${suffix}.json.gz`;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "list-log-files-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Creates objects in bucket "b-1"; the body length makes each size checkable. */
async function put(...keys: string[]): Promise<void> {
  for (const key of keys) {
    const path = join(dataDir, "s3", "b-1", ...key.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, key);
  }
}

const keysOf = (r: ListResult): string[] => r.prefixes.flatMap((p) => p.files.map((f) => f.key));
const prefixesOf = (r: ListResult): string[] => r.prefixes.map((p) => p.prefix);

describe("listLogFiles: which prefixes are read", () => {
  const day1 = `${TRAIL}/us-east-1/2026/10/01/`;
  const day2 = `${TRAIL}/us-east-1/2026/10/02/`;
  const org = `AWSLogs/o-abc123def4/${ACCT}/CloudTrail/eu-west-1/2026/10/01/`;
  const logs = [
    day1 + logName("us-east-1", "20261001T0005Z", "B000000000000000"),
    day1 + logName("us-east-1", "20261001T0005Z", "A000000000000000"),
    day2 + logName("us-east-1", "20261002T1200Z"),
    org + logName("eu-west-1", "20261001T0100Z"),
  ];
  const others = {
    digest: `AWSLogs/${ACCT}/CloudTrail-Digest/us-east-1/2026/10/01/${ACCT}_CloudTrail-Digest_us-east-1_t_us-east-1_20261001T010000Z.json.gz`,
    insight: `AWSLogs/${ACCT}/CloudTrail-Insight/us-east-1/2026/10/01/${ACCT}_CloudTrail-Insight_us-east-1_20261001T0100Z_x.json.gz`,
    config: `AWSLogs/${ACCT}/Config/us-east-1/2026/10/1/ConfigHistory/${ACCT}_Config_us-east-1_ConfigHistory_x.json.gz`,
    custom1: "custom/export-1.json.gz",
    custom2: "custom/sub/export-2.json.gz",
    nested: `${day1}extra/not-in-day-folder.json.gz`,
  };

  beforeEach(async () => {
    await put(...logs, ...Object.values(others));
    // An in-flight atomic write (writeLogFile's temp file) is never an object.
    await put(`${day1}.${logName("us-east-1", "20261001T0009Z")}.a1b2c3.tmp`);
  });

  it("reads only trail log folders from the bucket root (digest, insight, config, custom skipped)", async () => {
    const result = await listLogFiles(dataDir, "s3://b-1", {});
    expect(result.bucketExists).toBe(true);
    expect(prefixesOf(result)).toEqual([day1, day2, org].sort());
    expect(keysOf(result)).toEqual([...logs].sort());
  });

  it("applies the same rule at AWSLogs/<account>/ and at the CloudTrail/ folder itself", async () => {
    const own = [logs[1], logs[0], logs[2]];
    expect(keysOf(await listLogFiles(dataDir, `s3://b-1/AWSLogs/${ACCT}/`, {}))).toEqual(own);
    expect(keysOf(await listLogFiles(dataDir, `s3://b-1/${TRAIL}/`, {}))).toEqual(own);
  });

  it("reads every object below an explicitly named other prefix, grouped by folder", async () => {
    const custom = await listLogFiles(dataDir, "s3://b-1/custom", {});
    expect(custom.prefixes.map((p) => [p.prefix, p.files.map((f) => f.key)])).toEqual([
      ["custom/", [others.custom1]],
      ["custom/sub/", [others.custom2]],
    ]);
    expect(keysOf(await listLogFiles(dataDir, `s3://b-1/AWSLogs/${ACCT}/Config/`, {}))).toEqual([
      others.config,
    ]);
    expect(
      keysOf(await listLogFiles(dataDir, `s3://b-1/AWSLogs/${ACCT}/CloudTrail-Digest/`, {})),
    ).toEqual([others.digest]);
  });

  it("reads everything below a prefix inside a CloudTrail folder", async () => {
    const result = await listLogFiles(dataDir, `s3://b-1/${day1}`, {});
    expect(keysOf(result)).toEqual([logs[1], logs[0], others.nested]);
    expect(prefixesOf(result)).toEqual([day1, `${day1}extra/`]);
  });

  it("gives each file's path and size", async () => {
    const [first] = (await listLogFiles(dataDir, "s3://b-1/custom/", {})).prefixes;
    expect(first?.files).toEqual([
      {
        key: others.custom1,
        path: join(dataDir, "s3", "b-1", "custom", "export-1.json.gz"),
        size: Buffer.byteLength(others.custom1),
      },
    ]);
  });

  it("tells a missing bucket from a missing prefix", async () => {
    expect(await listLogFiles(dataDir, "s3://no-such-bucket/", {})).toEqual({
      bucketExists: false,
      prefixes: [],
    });
    expect(await listLogFiles(dataDir, "s3://b-1/nothing/here/", {})).toEqual({
      bucketExists: true,
      prefixes: [],
    });
  });

  it("rejects a URI that could escape the data folder", async () => {
    await expect(listLogFiles(dataDir, "s3://b-1/../../", {})).rejects.toThrow(/Invalid S3 URI/);
  });

  it("does not follow symlinks out of the bucket", async () => {
    const outside = join(dataDir, "outside", "us-east-1", "2026", "10", "03");
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, logName("us-east-1", "20261003T0000Z")), "x");
    await symlink(
      join(dataDir, "outside", "us-east-1"),
      join(dataDir, "s3", "b-1", TRAIL, "linked"),
    );
    expect(keysOf(await listLogFiles(dataDir, "s3://b-1/", {}))).toEqual([...logs].sort());
  });
});

describe("listLogFiles: date filter on names", () => {
  const folder = (day: string): string => `${TRAIL}/us-east-1/2026/${day}/`;
  const t = (iso: string): Date => new Date(iso);

  beforeEach(async () => {
    // Stamp-less names are judged by their folder alone.
    await put(
      `${folder("09/30")}no-stamp.json.gz`,
      `${folder("10/01")}no-stamp.json.gz`,
      `${folder("10/02")}no-stamp.json.gz`,
      `${folder("10/01")}${logName("us-east-1", "20261001T1000Z")}`,
      `${folder("10/01")}${logName("us-east-1", "20261001T1200Z")}`,
      `${folder("10/01")}${logName("us-east-1", "20261001T1400Z")}`,
    );
  });

  async function folders(start?: Date, end?: Date): Promise<string[]> {
    return prefixesOf(await listLogFiles(dataDir, "s3://b-1/", { start, end }));
  }
  async function stamped(start?: Date, end?: Date): Promise<string[]> {
    const keys = keysOf(await listLogFiles(dataDir, "s3://b-1/", { start, end }));
    return keys.flatMap((k) => /_(\d{8}T\d{4}Z)_/.exec(k)?.[1] ?? []);
  }

  it("keeps every folder without a range", async () => {
    expect(await folders()).toEqual([folder("09/30"), folder("10/01"), folder("10/02")]);
  });

  it("skips day folders wholly outside the range, inclusive at both edges", async () => {
    expect(await folders(t("2026-10-01T00:00:00Z"), t("2026-10-02T00:00:00Z"))).toEqual([
      folder("10/01"),
      folder("10/02"),
    ]);
    expect(await folders(t("2026-09-30T23:59:59.999Z"), t("2026-10-01T23:59:59.999Z"))).toEqual([
      folder("09/30"),
      folder("10/01"),
    ]);
    expect(await folders(t("2026-10-02T00:00:00.001Z"))).toEqual([folder("10/02")]);
    expect(await folders(undefined, t("2026-09-30T23:59:59.999Z"))).toEqual([folder("09/30")]);
  });

  it("skips files whose name stamp minute lies outside the range", async () => {
    expect(await stamped(t("2026-10-01T12:00:00Z"), t("2026-10-01T12:00:00Z"))).toEqual([
      "20261001T1200Z",
    ]);
    expect(await stamped(t("2026-10-01T12:00:59.999Z"))).toEqual([
      "20261001T1200Z",
      "20261001T1400Z",
    ]);
    expect(await stamped(t("2026-10-01T12:01:00Z"))).toEqual(["20261001T1400Z"]);
    expect(await stamped(undefined, t("2026-10-01T11:59:59.999Z"))).toEqual(["20261001T1000Z"]);
    expect(await stamped(undefined, t("2026-10-01T14:00:00Z"))).toEqual([
      "20261001T1000Z",
      "20261001T1200Z",
      "20261001T1400Z",
    ]);
  });

  it("keeps files without a stamp inside a kept folder", async () => {
    const result = await listLogFiles(dataDir, "s3://b-1/", {
      start: t("2026-10-01T13:00:00Z"),
      end: t("2026-10-01T13:30:00Z"),
    });
    expect(keysOf(result)).toEqual([`${folder("10/01")}no-stamp.json.gz`]);
  });
});

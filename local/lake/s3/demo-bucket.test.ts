import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemoBucket, type DemoBucketOptions, type DemoBucketResult } from "./demo-bucket.ts";
import { listLogFiles, type ListResult } from "./list-log-files.ts";
import { readLogFile } from "./read-log-file.ts";

const OPTIONS: DemoBucketOptions = {
  bucket: "demo-trail-logs",
  accountId: "111122223333",
  regions: ["us-east-1", "eu-west-1"],
  days: 60,
  endDate: new Date("2026-11-20T10:17:42Z"),
  corrupt: 3,
  seed: 42,
};

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "demo-bucket-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const keysOf = (r: ListResult): string[] => r.prefixes.flatMap((p) => p.files.map((f) => f.key));

describe("writeDemoBucket", () => {
  let dataDir: string;
  let result: DemoBucketResult;
  let listing: ListResult;

  beforeAll(async () => {
    dataDir = await tempDir();
    result = await writeDemoBucket(dataDir, OPTIONS);
    listing = await listLogFiles(dataDir, result.uri, {});
  });

  it("writes the trail at its usual URI with a few thousand events", () => {
    expect(result.uri).toBe("s3://demo-trail-logs/AWSLogs/111122223333/CloudTrail/");
    expect(result.files).toBe(60 * 2 * 4);
    expect(keysOf(listing)).toHaveLength(result.files);
    expect(result.events).toBeGreaterThan(2000);
    expect(result.events).toBeLessThan(6000);
  });

  it("is deterministic for a seed and different for another seed", async () => {
    const again = await tempDir();
    expect(await writeDemoBucket(again, OPTIONS)).toEqual(result);
    expect(keysOf(await listLogFiles(again, result.uri, {}))).toEqual(keysOf(listing));
    const sample = listing.prefixes[7]?.files[0]?.key ?? "";
    const bytes = (dir: string): Promise<Buffer> =>
      readFile(join(dir, "s3", OPTIONS.bucket, ...sample.split("/")));
    expect((await bytes(again)).equals(await bytes(dataDir))).toBe(true);

    const other = await writeDemoBucket(await tempDir(), { ...OPTIONS, seed: 43 });
    expect(other.corruptKeys).not.toEqual(result.corruptKeys);
  });

  it("reports as corrupt exactly the files readLogFile rejects, and counts the rest", async () => {
    const failures: string[] = [];
    const errorTypes: string[] = [];
    let events = 0;
    for (const file of listing.prefixes.flatMap((p) => p.files)) {
      const read = await readLogFile(file.path);
      if (read.ok) events += read.events;
      else {
        failures.push(file.key);
        errorTypes.push(read.errorType);
      }
    }
    expect(failures.sort()).toEqual(result.corruptKeys);
    expect(errorTypes.sort()).toEqual([
      "InvalidFileFormat",
      "MalformedLogFile",
      "MalformedLogFile",
    ]);
    expect(events).toBe(result.events);
  });

  it("spreads the corrupt files over the range", () => {
    const months = result.corruptKeys.map((k) => /\/(\d{4}\/\d{2})\/\d{2}\//.exec(k)?.[1]);
    expect(new Set(months).size).toBeGreaterThan(1);
  });

  it("adds a digest and another service's file that only an explicit prefix reads", async () => {
    expect(keysOf(await listLogFiles(dataDir, "s3://demo-trail-logs/", {}))).toEqual(
      keysOf(listing),
    );
    const digest = await listLogFiles(
      dataDir,
      "s3://demo-trail-logs/AWSLogs/111122223333/CloudTrail-Digest/",
      {},
    );
    const config = await listLogFiles(
      dataDir,
      "s3://demo-trail-logs/AWSLogs/111122223333/Config/",
      {},
    );
    expect(keysOf(digest)).toHaveLength(1);
    expect(keysOf(config)).toHaveLength(1);
  });

  it("stamps files inside the range and events inside their file's hour", async () => {
    const end = OPTIONS.endDate.getTime();
    for (const file of listing.prefixes.flatMap((p) => p.files)) {
      const m =
        /\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/\d{12}_CloudTrail_\1_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$/.exec(
          file.key,
        );
      expect(m, file.key).not.toBeNull();
    }

    const good = listing.prefixes
      .flatMap((p) => p.files)
      .filter((f) => !result.corruptKeys.includes(f.key));
    for (const file of good.slice(0, 40)) {
      const stampText = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(file.key)?.slice(1) ?? [];
      const [y, mo, d, h, mi] = stampText.map(Number);
      const stamp = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi);
      expect(stamp).toBeLessThanOrEqual(end);
      expect(stamp).toBeGreaterThan(end - 60 * 24 * 60 * 60 * 1000 - 60_000);
      const region = file.key.split("/")[3];
      const { Records } = JSON.parse(gunzipSync(await readFile(file.path)).toString()) as {
        Records: Record<string, unknown>[];
      };
      for (const r of Records) {
        const time = Date.parse(String(r.eventTime));
        expect(time).toBeGreaterThanOrEqual(stamp - (stamp % 3_600_000));
        expect(time).toBeLessThanOrEqual(stamp);
        expect(r).toMatchObject({
          eventVersion: "1.09",
          awsRegion: region,
          managementEvent: true,
          recipientAccountId: "111122223333",
          eventCategory: "Management",
        });
        expect(r.eventID).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(r.userIdentity).toMatchObject({ accountId: "111122223333" });
        if (r.readOnly === true) expect(r.responseElements).toBeNull();
        // Global services (IAM, sign-in) are logged in us-east-1 only.
        if (region !== "us-east-1") expect(r.eventSource).not.toMatch(/^(iam|signin)\./);
      }
    }
  });

  it("replaces a previous bucket instead of mixing in stale files", async () => {
    const dir = await tempDir();
    await writeDemoBucket(dir, OPTIONS);
    const small = await writeDemoBucket(dir, { ...OPTIONS, days: 2, filesPerDay: 1, corrupt: 0 });
    expect(small).toMatchObject({ files: 4, corruptKeys: [] });
    expect(keysOf(await listLogFiles(dir, small.uri, {}))).toHaveLength(4);
  });

  it("rejects impossible options", async () => {
    const dir = await tempDir();
    await expect(writeDemoBucket(dir, { ...OPTIONS, bucket: "../x" })).rejects.toThrow(/bucket/);
    await expect(writeDemoBucket(dir, { ...OPTIONS, accountId: "123" })).rejects.toThrow(
      /accountId/,
    );
    await expect(writeDemoBucket(dir, { ...OPTIONS, days: 0 })).rejects.toThrow(/days/);
    await expect(writeDemoBucket(dir, { ...OPTIONS, eventsPerFile: [5, 2] })).rejects.toThrow(
      /eventsPerFile/,
    );
  });
});

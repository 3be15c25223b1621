import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLogFile, type ReadResult } from "./read-log-file.ts";
import { writeLogFile } from "./write-log-file.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-log-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, body: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, body);
  return path;
}

function expectFailure(result: ReadResult, errorType: string, message: RegExp): void {
  expect(result).toMatchObject({ ok: false, errorType });
  if (result.ok) return;
  expect(result.errorMessage).toMatch(message);
  expect(result.errorMessage.length).toBeGreaterThanOrEqual(4);
  expect(result.errorMessage.length).toBeLessThanOrEqual(1000);
}

const event = { eventVersion: "1.09", eventName: "Decrypt", eventSource: "kms.amazonaws.com" };

describe("readLogFile", () => {
  it("counts the events of a gzip-compressed CloudTrail log file", async () => {
    const path = join(dir, "good.json.gz");
    await writeLogFile(path, [event, event, event]);
    expect(await readLogFile(path)).toEqual({ ok: true, events: 3 });
  });

  it("accepts a log file with an empty Records array", async () => {
    const path = await put("empty.json.gz", gzipSync(JSON.stringify({ Records: [] })));
    expect(await readLogFile(path)).toEqual({ ok: true, events: 0 });
  });

  it("reports plain JSON under a .json.gz name as InvalidFileFormat", async () => {
    const path = await put("plain.json.gz", JSON.stringify({ Records: [event] }));
    expectFailure(await readLogFile(path), "InvalidFileFormat", /not gzip-compressed/);
  });

  it("reports an empty file as InvalidFileFormat", async () => {
    const path = await put("zero.json.gz", "");
    expectFailure(await readLogFile(path), "InvalidFileFormat", /not gzip-compressed/);
  });

  it("reports a truncated gzip stream as InvalidFileFormat", async () => {
    const whole = gzipSync(JSON.stringify({ Records: [event, event] }));
    const path = await put("truncated.json.gz", whole.subarray(0, 20));
    expectFailure(await readLogFile(path), "InvalidFileFormat", /could not be decompressed/);
  });

  it("reports gzip of non-JSON text as MalformedLogFile", async () => {
    const path = await put("text.json.gz", gzipSync("INFO exporter started\n"));
    expectFailure(
      await readLogFile(path),
      "MalformedLogFile",
      /not a CloudTrail log file: .*not valid JSON/,
    );
  });

  it.each([
    ["no Records member", { Events: [event] }],
    ["Records that is not an array", { Records: { 0: event } }],
    ["a top-level array", [event]],
    ["a JSON string", "Records"],
    ["null", null],
  ])("reports gzip JSON with %s as MalformedLogFile", async (label, body) => {
    const name = `${label.replace(/\W+/g, "-")}.json.gz`;
    const path = await put(name, gzipSync(JSON.stringify(body)));
    expectFailure(await readLogFile(path), "MalformedLogFile", /no "Records" array/);
  });

  it("reports Records entries that are not objects as MalformedLogFile", async () => {
    const path = await put("bad-entry.json.gz", gzipSync(JSON.stringify({ Records: [event, 42] })));
    expectFailure(await readLogFile(path), "MalformedLogFile", /not an event object/);
  });

  it("reports a missing file and a folder as FileReadError instead of throwing", async () => {
    expectFailure(await readLogFile(join(dir, "missing.json.gz")), "FileReadError", /ENOENT/);
    const folder = join(dir, "a-folder.json.gz");
    await mkdir(folder);
    expectFailure(await readLogFile(folder), "FileReadError", /EISDIR/);
  });
});

describe("writeLogFile", () => {
  it("replaces a corrupt file atomically and leaves no temp file behind", async () => {
    const sub = join(dir, "replace", "2026", "10", "01");
    const path = join(sub, "log.json.gz");
    await writeLogFile(path, [event]);
    await writeFile(path, "not gzip");
    expect((await readLogFile(path)).ok).toBe(false);

    await writeLogFile(path, [event, event]);
    expect(await readLogFile(path)).toEqual({ ok: true, events: 2 });
    expect(await readdir(sub)).toEqual(["log.json.gz"]);
  });
});

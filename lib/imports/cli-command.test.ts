import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildStartImportCommand, shellQuote } from "./cli-command";

const input = {
  region: "us-east-1",
  destination: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/6d8e2f5a",
  s3Uri: "s3://trail-logs/AWSLogs/111122223333/CloudTrail/",
  bucketRegion: "us-east-1",
  roleArn: "arn:aws:iam::111122223333:role/CloudTrailLakeImport",
  startTime: "2026-01-01T00:00:00.000Z",
  endTime: "2026-01-31T00:00:00.000Z",
};

/** What a real POSIX shell makes of a quoted word. */
function shellWords(command: string): string[] {
  const out = execFileSync("sh", ["-c", `for a in ${command}; do printf '%s\\0' "$a"; done`], {
    encoding: "utf8",
  });
  return out.split("\0").slice(0, -1);
}

describe("shellQuote", () => {
  it("leaves plainly safe words alone", () => {
    expect(shellQuote("us-east-1")).toBe("us-east-1");
    expect(shellQuote(input.destination)).toBe(input.destination);
  });
  it("quotes spaces, quotes, dollars and empty strings so the shell reads them back unchanged", () => {
    for (const value of [
      "a b",
      "it's",
      "$HOME",
      '{"S3":{"x":"y"}}',
      "a;rm -rf /",
      "`id`",
      "",
      "x'\"'y",
    ]) {
      expect(shellWords(shellQuote(value)), value).toEqual([value]);
    }
  });
});

describe("buildStartImportCommand", () => {
  it("names every value and passes the import source as JSON", () => {
    const command = buildStartImportCommand(input);
    expect(command.split(" \\\n")[0]).toBe("aws cloudtrail start-import");
    expect(command).toContain("--region us-east-1");
    expect(command).toContain(`--destinations ${input.destination}`);
    expect(command).toContain("--start-event-time 2026-01-01T00:00:00.000Z");
    expect(command).toContain("--end-event-time 2026-01-31T00:00:00.000Z");
    const words = shellWords(command.replaceAll(" \\\n", " "));
    const source = words[words.indexOf("--import-source") + 1] ?? "";
    expect(JSON.parse(source)).toEqual({
      S3: {
        S3LocationUri: input.s3Uri,
        S3BucketRegion: "us-east-1",
        S3BucketAccessRoleArn: input.roleArn,
      },
    });
  });
  it("leaves out the time flags without a range", () => {
    const command = buildStartImportCommand({ ...input, startTime: undefined, endTime: undefined });
    expect(command).not.toContain("event-time");
  });
  it("quotes a prefix with spaces or quotes", () => {
    const s3Uri = "s3://trail-logs/it's here/";
    const words = shellWords(buildStartImportCommand({ ...input, s3Uri }).replaceAll(" \\\n", " "));
    const source = JSON.parse(words[words.indexOf("--import-source") + 1] ?? "{}") as {
      S3: { S3LocationUri: string };
    };
    expect(source.S3.S3LocationUri).toBe(s3Uri);
  });
});

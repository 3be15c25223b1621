import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bucketDir, isSafeKey, keyPath, parseS3Uri } from "./s3-uri.ts";

describe("parseS3Uri", () => {
  it.each([
    ["s3://my-bucket", { bucket: "my-bucket", prefix: "" }],
    ["s3://my-bucket/", { bucket: "my-bucket", prefix: "" }],
    ["s3://my-bucket/a/b/", { bucket: "my-bucket", prefix: "a/b/" }],
    ["s3://my-bucket/a/b", { bucket: "my-bucket", prefix: "a/b/" }],
    [
      "s3://logs.example-1/AWSLogs/111122223333/CloudTrail/",
      { bucket: "logs.example-1", prefix: "AWSLogs/111122223333/CloudTrail/" },
    ],
    ["s3://abc/with space/x", { bucket: "abc", prefix: "with space/x/" }],
  ])("parses %s", (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual(expected);
  });

  it.each([
    "",
    "my-bucket/a",
    "https://my-bucket/a",
    "S3://my-bucket",
    "s3://",
    "s3:///a",
    "s3://ab",
    "s3://My-Bucket",
    "s3://my_bucket",
    "s3://-bucket",
    "s3://bucket-",
    "s3://a..b",
    "s3://192.168.1.1",
    `s3://${"a".repeat(64)}`,
  ])("rejects the malformed URI %j", (uri) => {
    expect(parseS3Uri(uri)).toBeNull();
  });

  it.each([
    "s3://bucket/..",
    "s3://bucket/../other",
    "s3://bucket/a/../../etc/",
    "s3://bucket/a/..",
    "s3://bucket/./a",
    "s3://bucket//etc/passwd",
    "s3://bucket/a//b",
    "s3://bucket/a\\..\\..\\x",
    "s3://bucket/a\u0000b",
    "s3://bucket/a\nb",
  ])("rejects the escaping prefix in %j", (uri) => {
    expect(parseS3Uri(uri)).toBeNull();
  });
});

describe("bucketDir and keyPath", () => {
  it("maps a bucket to <dataDir>/s3/<bucket> as an absolute path", () => {
    expect(bucketDir("data", "my-bucket")).toBe(resolve("data", "s3", "my-bucket"));
  });

  it("refuses a bucket name that is not a single safe folder", () => {
    expect(() => bucketDir("/data", "../etc")).toThrow(/Invalid S3 bucket name/);
    expect(() => bucketDir("/data", "")).toThrow(/Invalid S3 bucket name/);
  });

  it("maps keys and prefixes inside the bucket folder", () => {
    expect(keyPath("/data", "b-1", "a/b/c.json.gz")).toBe(
      join("/data", "s3", "b-1", "a", "b", "c.json.gz"),
    );
    expect(keyPath("/data", "b-1", "a/b/")).toBe(join("/data", "s3", "b-1", "a", "b"));
    expect(keyPath("/data", "b-1", "")).toBe(join("/data", "s3", "b-1"));
  });

  it.each(["../x", "a/../../x", "/etc/passwd", "a\\b", "a//b", "."])(
    "refuses the unsafe key %j",
    (key) => {
      expect(isSafeKey(key)).toBe(false);
      expect(() => keyPath("/data", "b-1", key)).toThrow(/Unsafe S3 key/);
    },
  );
});

import { describe, expect, it } from "vitest";
import { accessDenied, fetched } from "./facts";
import { evaluateFileKinds } from "./file-kinds";
import { evaluateLogFiles } from "./log-files";
import {
  BUCKET,
  CLEAN_LISTING,
  dailyObjects,
  listingOf,
  logKey,
  NOW,
  RANGE,
  S3_URI,
  tallyOf,
} from "./test-facts";

describe("evaluateLogFiles", () => {
  it("passes when every day of the range has files in every Region", () => {
    const result = evaluateLogFiles({
      s3Uri: S3_URI,
      range: RANGE,
      now: NOW,
      listing: CLEAN_LISTING,
    });
    expect(result.status).toBe("pass");
    expect(result.sentence).toBe(
      "28 log files (56.0 KiB readable) in 2 Region folders from 2026-02-01 to 2026-02-07. Every day has files.",
    );
    expect(result.details.map((d) => d.label)).toEqual([
      `us-east-1 (111122223333)`,
      `eu-west-1 (111122223333)`,
    ]);
  });

  it("warns about days without files, naming the Region and days", () => {
    const listing = listingOf(
      tallyOf(dailyObjects("us-east-1")),
      tallyOf(dailyObjects("eu-west-1", 7, [2, 3]), "eu-west-1"),
    );
    const result = evaluateLogFiles({ s3Uri: S3_URI, range: RANGE, now: NOW, listing });
    expect(result.status).toBe("warning");
    expect(result.sentence).toContain("eu-west-1 (111122223333) on 2026-02-03 and 2026-02-04");
  });

  it("fails when the range holds no log files, or the URI has no CloudTrail folders", () => {
    const empty = evaluateLogFiles({
      s3Uri: S3_URI,
      range: RANGE,
      now: NOW,
      listing: listingOf(tallyOf([])),
    });
    expect(empty.status).toBe("failure");
    const none = evaluateLogFiles({
      s3Uri: "s3://trail-logs/other/",
      range: RANGE,
      now: NOW,
      listing: listingOf(),
    });
    expect(none).toMatchObject({
      status: "failure",
      sentence: expect.stringContaining("No CloudTrail folders"),
    });
  });

  it("couldn't check when listing is refused", () => {
    const result = evaluateLogFiles({
      s3Uri: S3_URI,
      range: RANGE,
      now: NOW,
      listing: accessDenied("s3:ListBucket"),
    });
    expect(result).toMatchObject({ status: "not-checked", missingPermission: "s3:ListBucket" });
  });
});

describe("evaluateFileKinds", () => {
  it("passes gzip CloudTrail logs in readable classes", () => {
    expect(evaluateFileKinds({ bucket: BUCKET, listing: CLEAN_LISTING }).status).toBe("pass");
  });

  it("counts Glacier and uncompressed files and offers a restore command; Glacier IR is readable", () => {
    const objects = dailyObjects("us-east-1").map((o, i) => ({
      ...o,
      key: i === 1 ? o.key.replace(".json.gz", ".json") : o.key,
      storageClass: i === 2 || i === 3 ? "GLACIER" : i === 4 ? "GLACIER_IR" : "STANDARD",
    }));
    const result = evaluateFileKinds({ bucket: BUCKET, listing: listingOf(tallyOf(objects)) });
    expect(result.status).toBe("warning");
    expect(result.sentence).toBe(
      "The range has 1 uncompressed file (CloudTrail copies only .json.gz files, so it skips them) and 2 archived files (4.0 KiB) that S3 won't serve until restored.",
    );
    expect(result.fix?.copyable?.code).toContain(
      `restore-object --bucket ${BUCKET} --key '${objects[2]?.key}'`,
    );
    expect(result.details).toContainEqual({
      label: "Glacier Instant Retrieval (readable)",
      value: "1",
    });
  });

  it("fails when nothing in the range is readable", () => {
    const objects = dailyObjects("us-east-1", 1).map((o) => ({
      ...o,
      storageClass: "DEEP_ARCHIVE",
    }));
    expect(evaluateFileKinds({ bucket: BUCKET, listing: listingOf(tallyOf(objects)) }).status).toBe(
      "failure",
    );
  });

  it("reports Intelligent-Tiering files that a HeadObject found archived", () => {
    const objects = dailyObjects("us-east-1").map((o) => ({
      ...o,
      storageClass: "INTELLIGENT_TIERING",
    }));
    const key = logKey("us-east-1", new Date("2026-02-01T03:05:00Z"));
    const heads = [
      {
        key,
        storageClass: "INTELLIGENT_TIERING",
        archiveStatus: "ARCHIVE_ACCESS",
        serverSideEncryption: "AES256",
        kmsKeyId: undefined,
      },
    ];
    const result = evaluateFileKinds({
      bucket: BUCKET,
      listing: listingOf(tallyOf(objects)),
      heads,
    });
    expect(result.status).toBe("warning");
    expect(result.sentence).toContain("Intelligent-Tiering files in an archive tier");
  });

  it("couldn't check when listing is refused", () => {
    expect(
      evaluateFileKinds({ bucket: BUCKET, listing: accessDenied("s3:ListBucket") })
        .missingPermission,
    ).toBe("s3:ListBucket");
  });

  it("leaves an empty range to the log files check", () => {
    const result = evaluateFileKinds({
      bucket: BUCKET,
      listing: fetched({ tallies: [], discoveryTruncated: false }),
    });
    expect(result.sentence).toContain("no files in the range");
  });
});

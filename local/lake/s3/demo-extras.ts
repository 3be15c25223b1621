// The demo bucket's awkward objects: corrupt log files of each kind an import must report as a
// failure, and neighbouring objects (a digest, another service's file) it must not read at all.
import { createHash } from "node:crypto";
import { formatDayPath, formatFileStamp } from "./log-key.ts";
import { gzipText } from "./write-log-file.ts";

/** The ways a demo log file is broken; readLogFile reports each as not ok. */
export type CorruptKind = "plain-json" | "gzip-not-json" | "gzip-no-records";

/** A broken body for a `.json.gz` log file that would otherwise hold `records`. */
export async function corruptContent(
  kind: CorruptKind,
  records: object[],
): Promise<string | Buffer> {
  switch (kind) {
    case "plain-json":
      // Someone uploaded the decompressed file under its original name.
      return JSON.stringify({ Records: records });
    case "gzip-not-json":
      return gzipText(
        "2026-10-01T12:00:00Z INFO exporter started\n2026-10-01T12:00:01Z WARN 3 events skipped\n",
      );
    case "gzip-no-records":
      // A LookupEvents export: JSON, but "Events" instead of CloudTrail's "Records".
      return gzipText(JSON.stringify({ Events: records }));
  }
}

const iso = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Objects that sit beside the trail's logs: one CloudTrail-Digest file and one AWS Config
 * history file. Both are valid gzip JSON without `Records`, so reading them would fail; the
 * default prefix rule must skip them.
 */
export async function neighbourObjects(p: {
  bucket: string;
  accountId: string;
  region: string;
  time: Date;
  logKeys: string[];
}): Promise<{ key: string; body: Buffer }[]> {
  const { accountId, region, time } = p;
  const stamp = formatFileStamp(time);
  const day = formatDayPath(time);
  const digestKey =
    `AWSLogs/${accountId}/CloudTrail-Digest/${region}/${day}/` +
    `${accountId}_CloudTrail-Digest_${region}_management-events_${region}_${stamp.slice(0, -1)}00Z.json.gz`;
  const digest = {
    awsAccountId: accountId,
    digestStartTime: iso(new Date(time.getTime() - 60 * 60 * 1000)),
    digestEndTime: iso(time),
    digestS3Bucket: p.bucket,
    digestS3Object: digestKey,
    digestPublicKeyFingerprint: createHash("md5").update(accountId).digest("hex"),
    digestSignatureAlgorithm: "SHA256withRSA",
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    previousDigestHashValue: null,
    previousDigestHashAlgorithm: null,
    previousDigestSignature: null,
    logFiles: p.logKeys.slice(-2).map((key) => ({
      s3Bucket: p.bucket,
      s3Object: key,
      hashValue: createHash("sha256").update(key).digest("hex"),
      hashAlgorithm: "SHA-256",
    })),
  };
  // AWS Config writes unpadded month and day folders.
  const [y, m, d] = day.split("/").map(Number);
  const configKey =
    `AWSLogs/${accountId}/Config/${region}/${y}/${m}/${d}/ConfigHistory/` +
    `${accountId}_Config_${region}_ConfigHistory_AWS::S3::Bucket_${stamp}_${stamp}_1.json.gz`;
  const config = {
    fileVersion: "1.0",
    configurationItems: [
      {
        configurationItemVersion: "1.3",
        configurationItemCaptureTime: iso(time),
        configurationItemStatus: "OK",
        resourceType: "AWS::S3::Bucket",
        resourceId: p.bucket,
        awsRegion: region,
        awsAccountId: accountId,
      },
    ],
  };
  return [
    { key: digestKey, body: await gzipText(JSON.stringify(digest)) },
    { key: configKey, body: await gzipText(JSON.stringify(config)) },
  ];
}

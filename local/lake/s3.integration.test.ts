// The local S3 through the real SDK v3 S3 client: listings, bucket settings, object headers,
// archived objects, Region redirects and error codes, over the same data imports read.
import {
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLogFiles } from "./s3/list-log-files.ts";
import {
  ACL_BUCKET,
  ARCHIVE_PREFIX,
  DEMO_BUCKET,
  DEMO_KMS_KEY_ARN,
  DEMO_TRAIL_URI,
  E2E_BUCKET,
  EU_BUCKET,
  KMS_PREFIX,
  PARTNER_BUCKET,
} from "./seed/constants.ts";
import { s3Client } from "./testing/aws-clients.ts";
import { errorOf, startTestLake, type TestLake } from "./testing/lake-harness.ts";

let world: TestLake;
let s3: ReturnType<typeof s3Client>;

beforeAll(async () => {
  world = await startTestLake();
  s3 = s3Client(world.lake.url);
}, 60_000);
afterAll(() => world.cleanup());

async function allKeys(prefix: string, pageSize: number): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2(
    { client: s3, pageSize },
    { Bucket: DEMO_BUCKET, Prefix: prefix },
  ))
    keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ""));
  return keys;
}

describe("ListObjectsV2", () => {
  it("lists exactly the files an import of the trail prefix reads, across pages", async () => {
    const prefix = DEMO_TRAIL_URI.slice(`s3://${DEMO_BUCKET}/`.length);
    const { prefixes } = await listLogFiles(world.dataDir, DEMO_TRAIL_URI, {});
    const expected = prefixes.flatMap((p) => p.files.map((f) => f.key));
    expect(expected.length).toBeGreaterThan(300);
    expect(await allKeys(prefix, 97)).toEqual(expected);
  });

  it("rolls keys up into CommonPrefixes with a delimiter, and honours start-after and max-keys", async () => {
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, Delimiter: "/", Prefix: "" }),
    );
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["AWSLogs/", "archive/", "kms/"]);
    expect(out.Contents ?? []).toEqual([]);
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, StartAfter: "archive/", MaxKeys: 2 }),
    );
    expect(page.KeyCount).toBe(2);
    expect(page.IsTruncated).toBe(true);
    expect(page.Contents?.[0]?.Key?.startsWith(ARCHIVE_PREFIX)).toBe(true);
    expect(page.NextContinuationToken).toEqual(expect.any(String));
  });

  it("reports storage classes and leaves days without logs empty", async () => {
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, Prefix: ARCHIVE_PREFIX }),
    );
    const classes = new Set(out.Contents?.map((c) => c.StorageClass));
    expect(classes).toEqual(new Set(["DEEP_ARCHIVE", "GLACIER", "GLACIER_IR"]));
    expect(out.Contents?.some((c) => c.Key?.endsWith(".json"))).toBe(true);
    const keys = await allKeys("AWSLogs/111122223333/CloudTrail/us-east-1/", 1000);
    const dates = new Set(keys.map((k) => k.split("/").slice(4, 7).join("-")));
    const sorted = [...dates].sort();
    const missing: string[] = [];
    for (
      let t = Date.parse(sorted[0] ?? "");
      t <= Date.parse(sorted.at(-1) ?? "");
      t += 86_400_000
    ) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (!dates.has(day)) missing.push(day);
    }
    expect(missing.length).toBeGreaterThanOrEqual(2);
  });

  it("answers NoSuchBucket and an invalid continuation token", async () => {
    expect(
      (await errorOf(() => s3.send(new ListObjectsV2Command({ Bucket: "no-such-bucket-here" }))))
        .name,
    ).toBe("NoSuchBucket");
    const bad = await errorOf(() =>
      s3.send(new ListObjectsV2Command({ Bucket: DEMO_BUCKET, ContinuationToken: "bm9wZQ" })),
    );
    expect(bad.name).toBe("InvalidArgument");
  });
});

describe("bucket settings", () => {
  it("tells the Region through GetBucketLocation and HeadBucket", async () => {
    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: DEMO_BUCKET }))).LocationConstraint,
    ).toBeUndefined();
    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: EU_BUCKET }))).LocationConstraint,
    ).toBe("eu-west-1");
    expect((await s3.send(new HeadBucketCommand({ Bucket: DEMO_BUCKET }))).BucketRegion).toBe(
      "us-east-1",
    );
    const eu = s3Client(world.lake.url, "eu-west-1");
    expect((await eu.send(new HeadBucketCommand({ Bucket: EU_BUCKET }))).BucketRegion).toBe(
      "eu-west-1",
    );
  });

  it("redirects a request signed for the wrong Region, naming the bucket's Region", async () => {
    const error = await errorOf(() => s3.send(new ListObjectsV2Command({ Bucket: EU_BUCKET })));
    expect(error.name).toBe("PermanentRedirect");
    expect(error.$metadata?.httpStatusCode).toBe(301);
    const head = await errorOf(() => s3.send(new HeadBucketCommand({ Bucket: EU_BUCKET })));
    expect(head.$metadata?.httpStatusCode).toBe(301);
    expect(
      (head as { $response?: { headers: Record<string, string> } }).$response?.headers[
        "x-amz-bucket-region"
      ],
    ).toBe("eu-west-1");
  });

  it("reports object ownership, and its absence", async () => {
    const enforced = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: DEMO_BUCKET }));
    expect(enforced.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe("BucketOwnerEnforced");
    const acls = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: ACL_BUCKET }));
    expect(acls.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe("ObjectWriter");
  });

  it("returns the bucket policy, NoSuchBucketPolicy, and AccessDenied for another account's bucket", async () => {
    const { Policy } = await s3.send(new GetBucketPolicyCommand({ Bucket: DEMO_BUCKET }));
    expect(JSON.parse(Policy ?? "{}")).toMatchObject({
      Statement: [{ Principal: { AWS: expect.stringContaining(":role/CloudTrailLakeImport") } }],
    });
    expect(
      (await errorOf(() => s3.send(new GetBucketPolicyCommand({ Bucket: E2E_BUCKET })))).name,
    ).toBe("NoSuchBucketPolicy");
    const denied = await errorOf(() =>
      s3.send(new ListObjectsV2Command({ Bucket: PARTNER_BUCKET })),
    );
    expect(denied.name).toBe("AccessDenied");
    expect(denied.$metadata?.httpStatusCode).toBe(403);
  });
});

describe("objects", () => {
  it("serves SSE headers, storage classes and byte ranges", async () => {
    const kms =
      (
        await s3.send(
          new ListObjectsV2Command({ Bucket: DEMO_BUCKET, Prefix: KMS_PREFIX, MaxKeys: 1 }),
        )
      ).Contents?.[0]?.Key ?? "";
    const head = await s3.send(new HeadObjectCommand({ Bucket: DEMO_BUCKET, Key: kms }));
    expect(head).toMatchObject({ ServerSideEncryption: "aws:kms", SSEKMSKeyId: DEMO_KMS_KEY_ARN });
    expect(head.StorageClass).toBeUndefined();
    const first = await s3.send(
      new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: kms, Range: "bytes=0-1" }),
    );
    expect(first.ContentRange).toBe(`bytes 0-1/${head.ContentLength}`);
    expect([...((await first.Body?.transformToByteArray()) ?? [])]).toEqual([0x1f, 0x8b]);
    const whole = await s3.send(new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: kms }));
    expect(whole.ServerSideEncryption).toBe("aws:kms");
    expect((await whole.Body?.transformToByteArray())?.length).toBe(head.ContentLength);
  });

  it("refuses GetObject of archived objects with InvalidObjectState, while HeadObject still works", async () => {
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, Prefix: ARCHIVE_PREFIX }),
    );
    const glacier = out.Contents?.find((c) => c.StorageClass === "GLACIER")?.Key ?? "";
    expect(
      (await s3.send(new HeadObjectCommand({ Bucket: DEMO_BUCKET, Key: glacier }))).StorageClass,
    ).toBe("GLACIER");
    const error = await errorOf(() =>
      s3.send(new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: glacier })),
    );
    expect(error.name).toBe("InvalidObjectState");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    const instant = out.Contents?.find((c) => c.StorageClass === "GLACIER_IR")?.Key ?? "";
    expect(
      (await s3.send(new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: instant }))).StorageClass,
    ).toBe("GLACIER_IR");
  });

  it("answers NoSuchKey, and a body-less 404 for HeadObject", async () => {
    expect(
      (
        await errorOf(() =>
          s3.send(new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: "missing.json.gz" })),
        )
      ).name,
    ).toBe("NoSuchKey");
    const head = await errorOf(() =>
      s3.send(new HeadObjectCommand({ Bucket: DEMO_BUCKET, Key: "missing.json.gz" })),
    );
    expect(head.$metadata?.httpStatusCode).toBe(404);
  });
});

import "server-only";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { discoverRegionRoots, rangeListing, type RegionRoot } from "@/lib/preflight/day-prefixes";
import type { SampleMeasurement } from "@/lib/preflight/estimate";
import { fetched, type Fetched, type TimeRange } from "@/lib/preflight/facts";
import { addPage, emptyRegionTally, type RegionTally } from "@/lib/preflight/listing";
import type { SourceListing } from "@/lib/preflight/log-files";
import { pagesPerRoot } from "@/lib/preflight/plan";
import {
  headObjectSchema,
  listObjectsPageSchema,
  type HeadObjectFacts,
} from "@/lib/schemas/preflight-facts";
import { mapWithConcurrency } from "../concurrency";
import type { Caller } from "../types";
import { s3For } from "./clients";
import { readFailure } from "./failures";

const gunzipAsync = promisify(gunzip);

/** Sampled files bigger than this aren't downloaded; CloudTrail's files are usually well under it. */
export const SAMPLE_MAX_COMPRESSED_BYTES = 16 * 1024 * 1024;
/** A gzip bomb stops here instead of filling the server's memory. */
export const SAMPLE_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
const ROOT_CONCURRENCY = 4;

interface Source {
  bucket: string;
  prefix: string;
  /** The bucket's real Region when known (fewer redirects), else the given one. */
  region: string;
}

async function listRoot(
  caller: Caller,
  source: Source,
  root: RegionRoot,
  range: TimeRange,
  now: Date,
  pages: number,
): Promise<RegionTally> {
  const tally = emptyRegionTally(root);
  const listing = rangeListing(root, range, now);
  let token: string | undefined;
  for (let page = 0; page < pages; page++) {
    const reply = await s3For(caller, source.region).send(
      new ListObjectsV2Command({
        Bucket: source.bucket,
        Prefix: listing.Prefix,
        ...(listing.StartAfter && !token ? { StartAfter: listing.StartAfter } : {}),
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    const parsed = listObjectsPageSchema.parse(reply);
    if (!addPage(tally, listing, parsed)) return tally;
    token = parsed.nextToken;
  }
  tally.truncated = true;
  return tally;
}

/**
 * Finds the Region folders under the prefix, then lists each one from the range's first day to
 * its last, within the plan's page limits. Any S3 error makes the whole listing a failure.
 */
export async function readListing(
  caller: Caller,
  source: Source,
  range: TimeRange,
  now: Date,
): Promise<Fetched<SourceListing>> {
  try {
    const s3 = s3For(caller, source.region);
    const discovery = await discoverRegionRoots(source.prefix, async (prefix) => {
      const reply = await s3.send(
        new ListObjectsV2Command({ Bucket: source.bucket, Prefix: prefix, Delimiter: "/" }),
      );
      return listObjectsPageSchema.parse(reply).commonPrefixes;
    });
    const pages = pagesPerRoot(discovery.roots.length);
    const tallies = await mapWithConcurrency(discovery.roots, ROOT_CONCURRENCY, (root) =>
      listRoot(caller, source, root, range, now, pages),
    );
    return fetched({ tallies, discoveryTruncated: discovery.truncated });
  } catch (error) {
    return readFailure(error, "s3:ListBucket", ["NoSuchBucket"]);
  }
}

/** HeadObject on each sampled file: encryption, key and archive status. */
export async function readHeads(
  caller: Caller,
  source: Source,
  keys: readonly string[],
): Promise<Fetched<HeadObjectFacts[]>> {
  const s3 = s3For(caller, source.region);
  const results = await Promise.all(
    keys.map((key) =>
      s3.send(new HeadObjectCommand({ Bucket: source.bucket, Key: key })).then(
        (reply): Fetched<HeadObjectFacts> => fetched({ ...headObjectSchema.parse(reply), key }),
        (error: unknown) => readFailure(error, "s3:GetObject", ["NoSuchKey", "NotFound"]),
      ),
    ),
  );
  const heads = results.flatMap((r) => (r.ok ? [r.value] : []));
  const failed = results.find((r) => !r.ok);
  return failed && heads.length === 0 ? failed : fetched(heads);
}

/** Downloads and gunzips one sampled file; `null` when it isn't gzip, is too big or can't be read. */
async function measure(
  caller: Caller,
  source: Source,
  sample: { key: string; size: number },
): Promise<SampleMeasurement> {
  const result: SampleMeasurement = {
    key: sample.key,
    compressedBytes: sample.size,
    uncompressedBytes: null,
  };
  if (sample.size > SAMPLE_MAX_COMPRESSED_BYTES) return result;
  try {
    const reply = await s3For(caller, source.region).send(
      new GetObjectCommand({ Bucket: source.bucket, Key: sample.key }),
    );
    const bytes = await reply.Body?.transformToByteArray();
    if (!bytes) return result;
    const plain = await gunzipAsync(bytes, { maxOutputLength: SAMPLE_MAX_UNCOMPRESSED_BYTES });
    return { ...result, compressedBytes: bytes.byteLength, uncompressedBytes: plain.byteLength };
  } catch {
    // Not gzip, over the cap, or unreadable: the estimate leaves it out of the ratio and says so.
    return result;
  }
}

/** GetObject + gunzip on each sampled file, for the compression ratio. */
export function measureSamples(
  caller: Caller,
  source: Source,
  samples: readonly { key: string; size: number }[],
): Promise<SampleMeasurement[]> {
  return Promise.all(samples.map((sample) => measure(caller, source, sample)));
}

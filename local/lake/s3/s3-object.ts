// HeadObject and GetObject: S3's object headers (storage class, SSE, ETag, Last-Modified),
// byte ranges, and InvalidObjectState for objects in archive classes.
import { createReadStream } from "node:fs";
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { etagOf, type S3Object } from "./bucket-objects.ts";
import { isArchived, type ObjectMeta } from "./object-meta.ts";
import { S3Error, s3Headers } from "./s3-errors.ts";

type ByteRange = { start: number; end: number };

/** Parses `bytes=a-b`, `bytes=a-` or `bytes=-n`; null means "ignore the header" as S3 does for junk. */
function parseRange(header: string | undefined, size: number): ByteRange | null {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const [first, last] = [m[1] ?? "", m[2] ?? ""];
  if (first === "") {
    const n = Number(last);
    if (n === 0) throw invalidRange(size);
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) throw invalidRange(size);
  return end < start ? null : { start, end };
}

function invalidRange(size: number): S3Error {
  return new S3Error("InvalidRange", "The requested range is not satisfiable", 416, {
    ActualObjectSize: String(size),
  });
}

function objectHeaders(object: S3Object, meta: ObjectMeta, etag: string): Record<string, string> {
  return {
    "Last-Modified": new Date(object.mtimeMs).toUTCString(),
    ETag: etag,
    "Accept-Ranges": "bytes",
    // CloudTrail uploads its logs without a Content-Encoding, so clients get the gzip bytes as is.
    "Content-Type": object.key.endsWith(".json") ? "application/json" : "application/octet-stream",
    "x-amz-server-side-encryption": meta.sse,
    ...(meta.kmsKeyId === undefined
      ? {}
      : { "x-amz-server-side-encryption-aws-kms-key-id": meta.kmsKeyId }),
    // S3 leaves the header out for STANDARD objects.
    ...(meta.storageClass === "STANDARD" ? {} : { "x-amz-storage-class": meta.storageClass }),
  };
}

/** Serves HEAD or GET of an object that exists. */
export async function sendObject(
  res: ServerResponse,
  method: "GET" | "HEAD",
  object: S3Object,
  meta: ObjectMeta,
  rangeHeader: string | undefined,
  requestId: string,
): Promise<void> {
  if (method === "GET" && isArchived(meta)) {
    throw new S3Error(
      "InvalidObjectState",
      "The operation is not valid for the object's storage class",
      403,
      { StorageClass: meta.storageClass },
    );
  }
  const headers = { ...s3Headers(requestId), ...objectHeaders(object, meta, await etagOf(object)) };
  if (method === "HEAD") {
    res.writeHead(200, { ...headers, "Content-Length": object.size });
    res.end();
    return;
  }
  const range = parseRange(rangeHeader, object.size);
  if (range === null) {
    res.writeHead(200, { ...headers, "Content-Length": object.size });
    await pipeline(createReadStream(object.path), res);
    return;
  }
  res.writeHead(206, {
    ...headers,
    "Content-Length": range.end - range.start + 1,
    "Content-Range": `bytes ${range.start}-${range.end}/${object.size}`,
  });
  await pipeline(createReadStream(object.path, { start: range.start, end: range.end }), res);
}

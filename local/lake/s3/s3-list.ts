// ListObjectsV2 over a bucket folder: prefix, delimiter roll-up into CommonPrefixes,
// start-after, max-keys (default and cap 1000) and an opaque continuation token.
import { el } from "../sts/sts-xml.ts";
import { etagOf, isoTime, type S3Object } from "./bucket-objects.ts";
import type { ObjectMeta } from "./object-meta.ts";
import { S3Error, S3_NAMESPACE } from "./s3-errors.ts";

export type ListRequest = {
  bucket: string;
  prefix: string;
  delimiter?: string;
  startAfter?: string;
  continuationToken?: string;
  maxKeys: number;
  encodeUrl: boolean;
  fetchOwner: boolean;
  ownerId: string;
};

const MAX_KEYS = 1000;

/** The token is the last key or prefix returned, so it is opaque but stable. */
function encodeToken(afterKey: string): string {
  return Buffer.from(`v1:${afterKey}`, "utf8").toString("base64url");
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, "base64url").toString("utf8");
  if (!text.startsWith("v1:"))
    throw new S3Error("InvalidArgument", "The continuation token provided is incorrect", 400, {
      ArgumentName: "continuation-token",
    });
  return text.slice(3);
}

/** Renders the ListBucketResult document. */
export async function listObjectsV2(
  objects: readonly S3Object[],
  meta: ReadonlyMap<string, ObjectMeta>,
  req: ListRequest,
): Promise<string> {
  const enc = (text: string): string =>
    req.encodeUrl ? encodeURIComponent(text).replace(/%2F/g, "/") : text;
  const after =
    req.continuationToken !== undefined ? decodeToken(req.continuationToken) : req.startAfter;
  const limit = Math.min(req.maxKeys, MAX_KEYS);
  const contents: S3Object[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let truncated = false;
  for (const object of objects) {
    if (!object.key.startsWith(req.prefix)) continue;
    let entry = object.key;
    if (req.delimiter) {
      const at = object.key.indexOf(req.delimiter, req.prefix.length);
      if (at >= 0) entry = object.key.slice(0, at + req.delimiter.length);
    }
    if (after !== undefined && entry <= after) continue;
    if (entry === prefixes.at(-1)) continue;
    if (contents.length + prefixes.length >= limit) {
      truncated = true;
      break;
    }
    if (entry === object.key) contents.push(object);
    else prefixes.push(entry);
    last = entry;
  }
  const owner = req.fetchOwner ? `<Owner>${el("ID", req.ownerId)}</Owner>` : "";
  const items = await Promise.all(
    contents.map(
      async (o) =>
        `<Contents>${el("Key", enc(o.key))}${el("LastModified", isoTime(o.mtimeMs))}` +
        `${el("ETag", await etagOf(o))}${el("Size", o.size)}${owner}` +
        `${el("StorageClass", meta.get(o.key)?.storageClass ?? "STANDARD")}</Contents>`,
    ),
  );
  return (
    `<ListBucketResult xmlns="${S3_NAMESPACE}">${el("Name", req.bucket)}${el("Prefix", enc(req.prefix))}` +
    (req.continuationToken === undefined ? "" : el("ContinuationToken", req.continuationToken)) +
    (req.startAfter === undefined ? "" : el("StartAfter", enc(req.startAfter))) +
    `${el("KeyCount", contents.length + prefixes.length)}${el("MaxKeys", req.maxKeys)}` +
    (req.delimiter ? el("Delimiter", enc(req.delimiter)) : "") +
    (req.encodeUrl ? el("EncodingType", "url") : "") +
    `${el("IsTruncated", String(truncated))}` +
    (truncated && last !== undefined ? el("NextContinuationToken", encodeToken(last)) : "") +
    items.join("") +
    prefixes.map((p) => `<CommonPrefixes>${el("Prefix", enc(p))}</CommonPrefixes>`).join("") +
    `</ListBucketResult>`
  );
}

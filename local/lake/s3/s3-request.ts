// Which S3 operation a path-style request is, and its members read from the URI, query string
// and headers, validated against the botocore model in local/lake/model/s3-model.json.
import type { IncomingMessage } from "node:http";
import { inputShape, loadModel, wireMembers } from "../protocol/botocore-model.ts";
import { LakeError } from "../protocol/errors.ts";
import { describeViolations, validateInput } from "../protocol/validate.ts";
import { S3Error } from "./s3-errors.ts";

const MODEL = loadModel("s3-model.json");

/** The operation, its bucket and key, and the IAM action it needs. */
export type Target = { operation: string; bucket?: string; key?: string; action: string };

/** Names the operation of a GET or HEAD; anything else is NotImplemented. */
export function s3Target(method: string, path: string, query: URLSearchParams): Target {
  const [rawBucket = "", ...rest] = path.replace(/^\//, "").split("/");
  const bucket = decodeURIComponent(rawBucket);
  const key = decodeURIComponent(rest.join("/"));
  if (bucket === "") {
    if (method === "GET") return { operation: "ListBuckets", action: "s3:ListAllMyBuckets" };
  } else if (key === "") {
    if (method === "HEAD") return { operation: "HeadBucket", bucket, action: "s3:ListBucket" };
    if (method === "GET" && query.has("location"))
      return { operation: "GetBucketLocation", bucket, action: "s3:GetBucketLocation" };
    if (method === "GET" && query.has("ownershipControls"))
      return {
        operation: "GetBucketOwnershipControls",
        bucket,
        action: "s3:GetBucketOwnershipControls",
      };
    if (method === "GET" && query.has("policy"))
      return { operation: "GetBucketPolicy", bucket, action: "s3:GetBucketPolicy" };
    if (method === "GET" && query.get("list-type") === "2")
      return { operation: "ListObjectsV2", bucket, action: "s3:ListBucket" };
  } else if (method === "GET" || method === "HEAD") {
    return {
      operation: method === "GET" ? "GetObject" : "HeadObject",
      bucket,
      key,
      action: "s3:GetObject",
    };
  }
  throw new S3Error(
    "NotImplemented",
    "The local S3 serves ListBuckets, ListObjectsV2, GetBucketLocation, HeadBucket, GetBucketOwnershipControls, GetBucketPolicy, HeadObject and GetObject only.",
    501,
  );
}

/** Reads the operation's members from URI, query and headers and validates them against the model. */
export function checkS3Input(
  t: Target,
  query: URLSearchParams,
  req: IncomingMessage,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const m of wireMembers(MODEL, t.operation)) {
    const raw =
      m.location === "uri"
        ? m.name === "Bucket"
          ? t.bucket
          : t.key
        : m.location === "querystring"
          ? (query.get(m.name) ?? undefined)
          : req.headers[m.name.toLowerCase()];
    if (raw === undefined || Array.isArray(raw)) continue;
    const shape = inputShape(MODEL, t.operation).members[m.member]?.shape;
    input[m.member] =
      shape?.type === "integer" && /^-?\d+$/.test(raw)
        ? Number(raw)
        : shape?.type === "boolean"
          ? raw === "true"
          : raw;
  }
  let errors: string[];
  try {
    errors = validateInput(inputShape(MODEL, t.operation), input).errors;
  } catch (error) {
    if (!(error instanceof LakeError)) throw error;
    errors = [error.message];
  }
  if (typeof input.MaxKeys === "number" && input.MaxKeys < 0)
    errors.push("max-keys must not be negative");
  if (errors.length > 0) throw new S3Error("InvalidArgument", describeViolations(errors), 400);
  return input;
}

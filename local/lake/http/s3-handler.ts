// The local S3 (path-style REST, GET and HEAD only): which operation a request is, who calls,
// whether the bucket exists, is in the signing Region and lets the caller in, then the answer.
// s3/s3-request.ts names the operation and validates its input against the botocore model.
import { readdir, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import { evaluatePolicies, contextOf } from "../iam/evaluate-policy.ts";
import { resolveCaller, type Caller } from "../identity/callers.ts";
import type { SigV4Scope } from "../protocol/sigv4.ts";
import { bucketObjects, isoTime } from "../s3/bucket-objects.ts";
import { DEFAULT_META, readBucketMeta } from "../s3/object-meta.ts";
import {
  S3Error,
  S3_NAMESPACE,
  accessDenied,
  noSuchBucket,
  sendS3Error,
  sendXml,
} from "../s3/s3-errors.ts";
import { listObjectsV2 } from "../s3/s3-list.ts";
import { sendObject } from "../s3/s3-object.ts";
import { bucketDir, isSafeKey, isValidBucketName } from "../s3/s3-uri.ts";
import { bucketRecord, type BucketRecord } from "../seed/buckets.ts";
import { DEFAULT_REGION } from "../seed/constants.ts";
import { el } from "../sts/sts-xml.ts";
import { checkS3Input, s3Target, type Target } from "../s3/s3-request.ts";
import type { LakeDeps } from "./deps.ts";

export type S3Outcome = {
  operation: string;
  caller: Caller | null;
  status: number;
  error: string | null;
};

function authenticate(deps: LakeDeps, scope: SigV4Scope | null, token: string | undefined): Caller {
  if (!scope) throw accessDenied();
  const result = resolveCaller(deps.state, scope.accessKeyId, token, Date.now());
  if (result.ok) return result.caller;
  if (result.reason === "expired")
    throw new S3Error("ExpiredToken", "The provided token has expired.", 400);
  throw new S3Error(
    "InvalidAccessKeyId",
    "The AWS Access Key Id you provided does not exist in our records.",
    403,
  );
}

/** The bucket owner may do anything; anyone else needs the bucket policy to allow the action. */
function mayAccess(
  caller: Caller,
  bucket: BucketRecord,
  action: string,
  resource: string,
): boolean {
  if (caller.accountId === bucket.accountId) return true;
  if (!bucket.policy || action === "s3:GetBucketPolicy" || action === "s3:GetBucketLocation")
    return false;
  const principal = caller.session?.roleArn ?? caller.arn;
  return (
    evaluatePolicies([{ id: bucket.name, type: "resource", document: bucket.policy }], {
      action,
      resource,
      principal: { aws: principal },
      context: contextOf({ "aws:PrincipalAccount": caller.accountId }),
    }).decision === "allowed"
  );
}

async function listBuckets(deps: LakeDeps, caller: Caller): Promise<string> {
  const root = join(resolve(deps.dataDir), "s3");
  const names = (await readdir(root).catch(() => [] as string[])).filter(isValidBucketName).sort();
  const rows: string[] = [];
  for (const name of names) {
    const record = bucketRecord(name);
    if (record.accountId !== caller.accountId) continue;
    const created = await stat(join(root, name)).then(
      (s) => s.birthtimeMs || s.mtimeMs,
      () => 0,
    );
    rows.push(
      `<Bucket>${el("Name", name)}${el("CreationDate", isoTime(created))}${el("BucketRegion", record.region)}</Bucket>`,
    );
  }
  return `<ListAllMyBucketsResult xmlns="${S3_NAMESPACE}"><Owner>${el("ID", caller.accountId)}</Owner><Buckets>${rows.join("")}</Buckets></ListAllMyBucketsResult>`;
}

async function bucketExists(deps: LakeDeps, bucket: string): Promise<boolean> {
  if (!isValidBucketName(bucket)) return false;
  return stat(bucketDir(deps.dataDir, bucket)).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  t: Target,
  query: URLSearchParams,
  caller: Caller,
  scope: SigV4Scope | null,
  deps: LakeDeps,
  requestId: string,
): Promise<void> {
  const method = req.method === "HEAD" ? "HEAD" : "GET";
  const input = checkS3Input(t, query, req);
  if (t.bucket === undefined) return sendXml(res, 200, await listBuckets(deps, caller), requestId);
  const bucket = bucketRecord(t.bucket);
  if (!(await bucketExists(deps, t.bucket))) throw noSuchBucket(t.bucket);
  const region = scope?.region ?? DEFAULT_REGION;
  // The local endpoint stands for the signing Region's endpoint; S3 redirects from the wrong one.
  if (t.operation !== "GetBucketLocation" && region !== bucket.region) {
    throw new S3Error(
      "PermanentRedirect",
      "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
      301,
      { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
      { "x-amz-bucket-region": bucket.region },
    );
  }
  const resource = `arn:aws:s3:::${bucket.name}${t.key === undefined ? "" : `/${t.key}`}`;
  if (!mayAccess(caller, bucket, t.action, resource))
    throw accessDenied(t.operation === "HeadBucket" ? bucket.region : undefined);
  const regionHeader = { "x-amz-bucket-region": bucket.region };
  switch (t.operation) {
    case "HeadBucket":
      res.writeHead(200, { "x-amz-request-id": requestId, ...regionHeader });
      return void res.end();
    case "GetBucketLocation": {
      const constraint = bucket.region === "us-east-1" ? "" : bucket.region;
      return sendXml(
        res,
        200,
        `<LocationConstraint xmlns="${S3_NAMESPACE}">${constraint}</LocationConstraint>`,
        requestId,
      );
    }
    case "GetBucketOwnershipControls":
      if (bucket.ownership === null)
        throw new S3Error(
          "OwnershipControlsNotFoundError",
          "The bucket ownership controls were not found",
          404,
          { BucketName: bucket.name },
        );
      return sendXml(
        res,
        200,
        `<OwnershipControls xmlns="${S3_NAMESPACE}"><Rule>${el("ObjectOwnership", bucket.ownership)}</Rule></OwnershipControls>`,
        requestId,
      );
    case "GetBucketPolicy": {
      if (bucket.policy === null)
        throw new S3Error("NoSuchBucketPolicy", "The bucket policy does not exist", 404, {
          BucketName: bucket.name,
        });
      const text = JSON.stringify(bucket.policy);
      res.writeHead(200, {
        "x-amz-request-id": requestId,
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(text),
      });
      return void res.end(text);
    }
    case "ListObjectsV2": {
      const xml = await listObjectsV2(
        await bucketObjects(deps.dataDir, bucket.name),
        await readBucketMeta(deps.dataDir, bucket.name),
        {
          bucket: bucket.name,
          prefix: (input.Prefix as string | undefined) ?? "",
          ...(input.Delimiter === undefined ? {} : { delimiter: input.Delimiter as string }),
          ...(input.StartAfter === undefined ? {} : { startAfter: input.StartAfter as string }),
          ...(input.ContinuationToken === undefined
            ? {}
            : { continuationToken: input.ContinuationToken as string }),
          maxKeys: (input.MaxKeys as number | undefined) ?? 1000,
          encodeUrl: input.EncodingType === "url",
          fetchOwner: input.FetchOwner === true,
          ownerId: bucket.accountId,
        },
      );
      return sendXml(res, 200, xml, requestId);
    }
    default: {
      const key = t.key ?? "";
      const object = isSafeKey(key)
        ? (await bucketObjects(deps.dataDir, bucket.name)).find((o) => o.key === key)
        : undefined;
      if (!object)
        throw new S3Error("NoSuchKey", "The specified key does not exist.", 404, { Key: key });
      const meta = (await readBucketMeta(deps.dataDir, bucket.name)).get(key) ?? DEFAULT_META;
      const range = req.headers.range;
      return sendObject(
        res,
        method,
        object,
        meta,
        Array.isArray(range) ? range[0] : range,
        requestId,
      );
    }
  }
}

/** Serves one S3 request (GET or HEAD); returns what the call log needs. */
export async function handleS3(
  req: IncomingMessage,
  res: ServerResponse,
  scope: SigV4Scope | null,
  deps: LakeDeps,
  requestId: string,
): Promise<S3Outcome> {
  const url = new URL(req.url ?? "/", "http://local");
  let operation = "(unknown)";
  let caller: Caller | null = null;
  try {
    const t = s3Target(req.method ?? "GET", url.pathname, url.searchParams);
    operation = t.operation;
    const token = req.headers["x-amz-security-token"];
    caller = authenticate(deps, scope, Array.isArray(token) ? token[0] : token);
    await serve(req, res, t, url.searchParams, caller, scope, deps, requestId);
    return { operation, caller, status: res.statusCode, error: null };
  } catch (error) {
    if (!(error instanceof S3Error)) throw error;
    sendS3Error(res, req.method ?? "GET", error, url.pathname, requestId);
    return { operation, caller, status: error.status, error: error.code };
  }
}

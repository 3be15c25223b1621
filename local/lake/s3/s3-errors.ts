// S3's REST error document and the codes the local S3 returns. HEAD errors carry no body, only
// the status (and headers such as x-amz-bucket-region), as on S3.
import type { ServerResponse } from "node:http";
import { el } from "../sts/sts-xml.ts";

export const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An S3 error; `extra` adds elements such as `<Endpoint>` or `<StorageClass>` to `<Error>`. */
export class S3Error extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Record<string, string>;
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    message: string,
    status: number,
    extra: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
}

export function noSuchBucket(bucket: string): S3Error {
  return new S3Error("NoSuchBucket", "The specified bucket does not exist", 404, {
    BucketName: bucket,
  });
}

export function accessDenied(region?: string): S3Error {
  return new S3Error(
    "AccessDenied",
    "Access Denied",
    403,
    {},
    region === undefined ? {} : { "x-amz-bucket-region": region },
  );
}

/** Headers every S3 response carries. */
export function s3Headers(requestId: string): Record<string, string> {
  return { "x-amz-request-id": requestId, "x-amz-id-2": Buffer.from(requestId).toString("base64") };
}

/** Writes an XML body with S3's headers. */
export function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  res.writeHead(status, {
    ...s3Headers(requestId),
    ...headers,
    "Content-Type": "application/xml",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Writes `<Error>`; for HEAD only the status line and headers. */
export function sendS3Error(
  res: ServerResponse,
  method: string,
  error: S3Error,
  resource: string,
  requestId: string,
): void {
  if (method === "HEAD") {
    res.writeHead(error.status, { ...s3Headers(requestId), ...error.headers });
    res.end();
    return;
  }
  const extra = Object.entries(error.extra)
    .map(([name, value]) => el(name, value))
    .join("");
  sendXml(
    res,
    error.status,
    `<Error>${el("Code", error.code)}${el("Message", error.message)}${extra}` +
      `${el("Resource", resource)}${el("RequestId", requestId)}${el("HostId", Buffer.from(requestId).toString("base64"))}</Error>`,
    requestId,
    error.headers,
  );
}

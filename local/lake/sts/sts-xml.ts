// STS speaks awsQuery: form-encoded requests, XML responses in the 2011-06-15 namespace.
import type { ServerResponse } from "node:http";

export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** An STS error; `type` is Sender (the caller's fault) or Receiver. */
export class StsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: "Sender" | "Receiver";

  constructor(code: string, message: string, status = 400, type: "Sender" | "Receiver" = "Sender") {
    super(message);
    this.code = code;
    this.status = status;
    this.type = type;
  }
}

/** Escapes text for an XML element body (quotes need no escaping there, and STS leaves them). */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"));
}

/** `<Name>escaped</Name>` (nothing when the value is undefined). */
export function el(name: string, value: string | number | undefined): string {
  return value === undefined ? "" : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(xml),
    "x-amzn-RequestId": requestId,
  });
  res.end(xml);
}

/** Writes `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` like STS. */
export function sendStsResult(
  res: ServerResponse,
  action: string,
  resultXml: string,
  requestId: string,
): void {
  send(
    res,
    200,
    `<${action}Response xmlns="${STS_NAMESPACE}">\n  <${action}Result>${resultXml}</${action}Result>\n` +
      `  <ResponseMetadata>${el("RequestId", requestId)}</ResponseMetadata>\n</${action}Response>\n`,
    requestId,
  );
}

/** Writes STS's `<ErrorResponse>` document. */
export function sendStsError(res: ServerResponse, error: StsError, requestId: string): void {
  send(
    res,
    error.status,
    `<ErrorResponse xmlns="${STS_NAMESPACE}">\n  <Error>${el("Type", error.type)}${el("Code", error.code)}` +
      `${el("Message", error.message)}</Error>\n  ${el("RequestId", requestId)}\n</ErrorResponse>\n`,
    requestId,
  );
}

// Reads who is calling from a SigV4 Authorization header. Signatures are not verified (nobody
// holds real secrets here); the credential scope still tells us the access key, Region and service.

export type SigV4Scope = { accessKeyId: string; date: string; region: string; service: string };

const CREDENTIAL_RE = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/cloudtrail/aws4_request, ...`.
 * Returns null when the header is missing or not SigV4.
 */
export function parseAuthorization(header: string | undefined): SigV4Scope | null {
  if (!header || !header.startsWith("AWS4-HMAC-SHA256")) return null;
  const match = CREDENTIAL_RE.exec(header);
  if (!match) return null;
  const [, accessKeyId = "", date = "", region = "", service = ""] = match;
  return { accessKeyId, date, region, service };
}

// Real SDK v3 clients for the local world's S3, IAM and Organizations, as the app's preflight
// configures them: endpoint override, path-style S3, static credentials of the app's IAM user.
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { APP_ACCESS_KEY_ID } from "../seed/constants.ts";

const CREDENTIALS = { accessKeyId: APP_ACCESS_KEY_ID, secretAccessKey: "test-secret" };

/** An S3 client for `region` (path-style: the local endpoint has no bucket subdomains). */
export function s3Client(url: string, region = "us-east-1"): S3Client {
  return new S3Client({ region, endpoint: url, forcePathStyle: true, credentials: CREDENTIALS });
}

export function iamClient(url: string): IAMClient {
  return new IAMClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS });
}

export function organizationsClient(url: string): OrganizationsClient {
  return new OrganizationsClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS });
}

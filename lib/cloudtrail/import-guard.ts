import "server-only";
import { serverEnv } from "@/lib/env";
import { bucketOfS3Uri, isAllowed, roleArnParts } from "@/lib/imports/allow-list";
import type { CloudTrailOperation } from "./error-messages";
import { parseEventDataStoreArn, type StartImportInput } from "@/lib/schemas/import";
import { CloudTrailAppError, CloudTrailCallError } from "./errors";
import { getImport, retryImport as retryUnchecked, startImport as startUnchecked } from "./imports";
import { regionOfStoreArn } from "./regions";
import { listStoresWithDetails } from "./stores";
import type { Caller, ImportDetails } from "./types";

// The server-side fence around StartImport. The wizard only offers eligible stores and allowed roles and
// buckets, but an action can be called with any values; CloudTrail itself would accept a store in any
// configured Region, any role it may assume and any bucket, including one in an account the caller controls
// (forged events in the evidence store). So every start and retry is checked here first, and pages, actions
// and tests reach StartImport only through these two functions (lib/cloudtrail/index.ts).

type Checked = Pick<StartImportInput, "destination" | "s3Uri" | "roleArn">;

function refuse(
  operation: CloudTrailOperation,
  region: string,
  code: ConstructorParameters<typeof CloudTrailAppError>[0],
  why: string,
): never {
  throw new CloudTrailCallError(operation, region, new CloudTrailAppError(code, why));
}

async function assertAllowed(
  caller: Caller,
  operation: CloudTrailOperation,
  input: Checked,
): Promise<void> {
  // A malformed ARN or an unconfigured Region keeps its own, more specific message.
  const region = regionOfStoreArn(input.destination, operation);
  const store = parseEventDataStoreArn(input.destination);
  // Listed = returned by ListEventDataStores in a configured Region for the app's identity, and eligible.
  const { stores } = await listStoresWithDetails(caller);
  const listed = stores.find((candidate) => candidate.arn === input.destination);
  if (!store || !listed?.acceptsImports)
    refuse(
      operation,
      region,
      "DestinationNotAllowed",
      "Destination is not a listed eligible store",
    );
  // iam:PassRole cannot hand CloudTrail another account's role, and a role elsewhere would read for it.
  const role = roleArnParts(input.roleArn);
  if (!role || role.accountId !== store.accountId || role.partition !== store.partition)
    refuse(operation, region, "RoleNotInStoreAccount", "Role is not in the store's account");
  const env = serverEnv();
  if (!isAllowed("role", input.roleArn, env.IMPORT_ALLOWED_ROLE_ARNS))
    refuse(operation, region, "RoleNotAllowed", "Role is not in IMPORT_ALLOWED_ROLE_ARNS");
  const bucket = bucketOfS3Uri(input.s3Uri);
  if (!bucket || !isAllowed("bucket", bucket, env.IMPORT_ALLOWED_BUCKETS))
    refuse(operation, region, "SourceNotAllowed", "Bucket is not in IMPORT_ALLOWED_BUCKETS");
}

/** StartImport, after the destination, role and bucket pass the deployment's fences. */
export async function startImport(caller: Caller, input: StartImportInput): Promise<ImportDetails> {
  await assertAllowed(caller, "startImport", input);
  return startUnchecked(caller, input);
}

/**
 * A retry re-runs the import with its original destination, role and source, so those are checked against
 * today's fences first: an import started before a role or bucket was removed from a list can't be revived.
 */
export async function retryImport(
  caller: Caller,
  region: string,
  importId: string,
): Promise<ImportDetails> {
  const existing = await getImport(caller, region, importId);
  const destinations = existing.destinations.length > 0 ? existing.destinations : [""];
  for (const destination of destinations) {
    await assertAllowed(caller, "retryImport", {
      destination,
      s3Uri: existing.source?.s3Uri ?? "",
      roleArn: existing.source?.roleArn ?? "",
    });
  }
  return retryUnchecked(caller, region, importId);
}

// What to tell a person when a CloudTrail call fails. Pure data, safe in client and server code.
// Every message says what happened and what to do; none repeats AWS's own text, which can
// carry account ids, ARNs or internal detail.
import type { importActionInputSchema, importFields } from "@/lib/schemas/import";

/** Fields an error can be blamed on: the keys of the start, retry and stop actions' inputs. */
export type CloudTrailField =
  keyof typeof importFields.shape | keyof typeof importActionInputSchema.shape;

/** The app-level operation a call belonged to; some errors mean different things per operation. */
export type CloudTrailOperation =
  | "startImport"
  | "retryImport"
  | "stopImport"
  | "getImport"
  | "listImports"
  | "listImportFailures"
  | "listEventDataStores"
  | "getEventDataStore"
  | "lookupEvents";

/** Modeled exceptions of the seven operations Trail Imports calls (model: cloudtrail-model.json). */
export const MODELED_ERROR_CODES = [
  "AccountHasOngoingImportException",
  "EventDataStoreARNInvalidException",
  "EventDataStoreNotFoundException",
  "ImportNotFoundException",
  "InactiveEventDataStoreException",
  "InsufficientEncryptionPolicyException",
  "InvalidEventDataStoreCategoryException",
  "InvalidEventDataStoreStatusException",
  "InvalidImportSourceException",
  "InvalidParameterException",
  "OperationNotPermittedException",
  "UnsupportedOperationException",
  "InvalidNextTokenException",
  "InvalidMaxResultsException",
  "NoManagementAccountSLRExistsException",
] as const;

/** Codes that aren't modeled per operation but come from AWS's common layers, STS or the network. */
export const COMMON_ERROR_CODES = [
  "ThrottlingException",
  "AccessDeniedException",
  "UnrecognizedClientException",
  "ExpiredTokenException",
  "ServiceUnavailable",
] as const;

/** The app's own codes: only a CloudTrailAppError may carry one, never an error `name` from AWS. */
export const APP_ERROR_CODES = [
  "UserSessionRefused",
  "BaseIdentityRefused",
  "AssumeRoleDenied",
  "CredentialsUnavailable",
  "NetworkError",
  "RegionNotConfigured",
  "DestinationNotAllowed",
  "RoleNotInStoreAccount",
  "RoleNotAllowed",
  "SourceNotAllowed",
  "RateLimited",
  "InvalidResponse",
  "Unknown",
] as const;

export type CloudTrailErrorCode =
  | (typeof MODELED_ERROR_CODES)[number]
  | (typeof COMMON_ERROR_CODES)[number]
  | (typeof APP_ERROR_CODES)[number];

export interface CloudTrailErrorText {
  message: string;
  field?: CloudTrailField;
  /** Whether sending the same request again later can succeed without anyone changing anything. */
  retryable: boolean;
}

const LAKE_CLOSED =
  "CloudTrail Lake has been closed to new customers since 31 May 2026, so only accounts that already used it can import.";

export const CLOUDTRAIL_ERROR_TEXT: Record<CloudTrailErrorCode, CloudTrailErrorText> = {
  AccountHasOngoingImportException: {
    message:
      "Another import is still running in this AWS account, and CloudTrail runs one at a time. Wait for it to finish, or stop it, then start this one.",
    retryable: false,
  },
  EventDataStoreARNInvalidException: {
    message:
      "CloudTrail rejected the destination event data store ARN as malformed. Choose the store again from the list, or copy its ARN from the CloudTrail console.",
    field: "destination",
    retryable: false,
  },
  EventDataStoreNotFoundException: {
    message:
      "The destination event data store doesn't exist in this account and Region; it may have been deleted. Refresh the list of stores and choose another one.",
    field: "destination",
    retryable: false,
  },
  ImportNotFoundException: {
    message:
      "CloudTrail has no import with this ID in this Region. Check the ID and Region, or refresh the list of imports.",
    field: "importId",
    retryable: false,
  },
  InactiveEventDataStoreException: {
    message:
      "The destination event data store isn't active, so it can't receive events. Re-enable or restore it in CloudTrail, or choose an enabled store.",
    field: "destination",
    retryable: false,
  },
  InsufficientEncryptionPolicyException: {
    message:
      "The S3 access role can't read or decrypt the log files: the bucket policy or the KMS key policy doesn't grant it access. Add the bucket-policy and key-policy statements for this role, then try again.",
    field: "roleArn",
    retryable: false,
  },
  InvalidEventDataStoreCategoryException: {
    message:
      "The destination event data store doesn't hold CloudTrail events (it may collect AWS Config items, Insights or events from outside AWS). Choose a store for CloudTrail management or data events.",
    field: "destination",
    retryable: false,
  },
  InvalidEventDataStoreStatusException: {
    message:
      "The destination event data store's status doesn't allow imports. Choose a store whose status is Enabled or Stopped ingestion.",
    field: "destination",
    retryable: false,
  },
  InvalidImportSourceException: {
    message:
      "CloudTrail can't import from this S3 location. Check that the URI points at the trail's logs (for example s3://bucket/AWSLogs/<account>/CloudTrail/), that the bucket Region is right and that the bucket exists.",
    field: "s3Uri",
    retryable: false,
  },
  InvalidParameterException: {
    message:
      "CloudTrail rejected one of the request's values. Check the destination, S3 location, Region, role and time range, then try again.",
    retryable: false,
  },
  OperationNotPermittedException: {
    message: `CloudTrail doesn't permit this operation for this account. ${LAKE_CLOSED} Confirm that the account already uses CloudTrail Lake, or ask your AWS administrator.`,
    retryable: false,
  },
  UnsupportedOperationException: {
    message: `CloudTrail doesn't support this operation for this account or Region. ${LAKE_CLOSED} Confirm that the account uses CloudTrail Lake in this Region.`,
    retryable: false,
  },
  InvalidNextTokenException: {
    message:
      "The link to the next page expired or was changed. Reload the list from the first page.",
    retryable: false,
  },
  InvalidMaxResultsException: {
    message:
      "Trail Imports asked CloudTrail for an invalid page size. Reload the page; if it keeps happening, report it to the Trail Imports maintainers.",
    retryable: false,
  },
  NoManagementAccountSLRExistsException: {
    message:
      "The organization's management account lacks CloudTrail's service-linked role, so organization event data stores can't be used. Ask the management account's administrator to create the AWSServiceRoleForCloudTrail role.",
    retryable: false,
  },
  ThrottlingException: {
    message:
      "AWS is throttling CloudTrail requests for this account right now. Wait a few seconds and try again.",
    retryable: true,
  },
  AccessDeniedException: {
    message:
      "Your AWS permissions don't allow this action. Ask your AWS administrator for the CloudTrail permission it needs; starting an import also needs iam:PassRole on the S3 access role.",
    retryable: false,
  },
  UnrecognizedClientException: {
    message:
      "AWS didn't recognise the credentials Trail Imports used. Ask the Trail Imports administrator to check the app's AWS identity configuration.",
    retryable: false,
  },
  ExpiredTokenException: {
    message:
      "The AWS session behind your request expired. Try again; Trail Imports will use a fresh session.",
    retryable: true,
  },
  UserSessionRefused: {
    message:
      "AWS refused the AWS session Trail Imports opened for you, even a newly opened one. Try again in a few minutes; if it keeps happening, ask the Trail Imports administrator to check the per-user role's sessions (revoked, or not valid in this Region) and the server's clock.",
    retryable: true,
  },
  BaseIdentityRefused: {
    message:
      "AWS refused the app's own AWS identity, even after fetching its credentials again. Ask the Trail Imports administrator to check the app's base identity: its access keys may be deactivated or rotated, or its role's sessions revoked.",
    retryable: false,
  },
  AssumeRoleDenied: {
    message:
      "Trail Imports couldn't open an AWS session for you: its base identity may not assume the per-user role. Ask the administrator to check that role's trust policy (sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession).",
    retryable: false,
  },
  CredentialsUnavailable: {
    message:
      "Trail Imports has no AWS credentials to call CloudTrail with. Ask the administrator to configure the app's AWS identity.",
    retryable: false,
  },
  ServiceUnavailable: {
    message:
      "CloudTrail had an internal error or is temporarily unavailable. Try again in a minute; if it persists, check the AWS Health Dashboard.",
    retryable: true,
  },
  NetworkError: {
    message:
      "Trail Imports couldn't reach AWS (a network error or timeout). Try again; if it persists, ask the administrator to check the app's network access to AWS.",
    retryable: true,
  },
  RegionNotConfigured: {
    message:
      "Trail Imports isn't configured for this Region. Choose a store in one of the configured Regions, or ask the administrator to add the Region to CLOUDTRAIL_REGIONS.",
    retryable: false,
  },
  DestinationNotAllowed: {
    message:
      "The destination isn't one of the event data stores Trail Imports lists as eligible in its configured Regions (enabled or stopped ingestion, collecting CloudTrail events). Choose a store from the list.",
    field: "destination",
    retryable: false,
  },
  RoleNotInStoreAccount: {
    message:
      "The S3 access role must be in the same AWS account as the destination event data store: CloudTrail can only be passed a role of the account it imports into. Choose a role from that account.",
    field: "roleArn",
    retryable: false,
  },
  RoleNotAllowed: {
    message:
      "This S3 access role isn't on the list of import roles this deployment allows. Choose one of the listed roles, or ask the administrator to add it to IMPORT_ALLOWED_ROLE_ARNS.",
    field: "roleArn",
    retryable: false,
  },
  SourceNotAllowed: {
    message:
      "This S3 bucket isn't on the list of source buckets this deployment allows. Choose one of the listed buckets, or ask the administrator to add it to IMPORT_ALLOWED_BUCKETS.",
    field: "s3Uri",
    retryable: false,
  },
  RateLimited: {
    message:
      "You have asked for more CloudTrail data in a short time than Trail Imports allows one person, to keep the account's CloudTrail limits free for everyone. Wait a few seconds and try again.",
    retryable: true,
  },
  InvalidResponse: {
    message:
      "CloudTrail sent a reply Trail Imports couldn't read. Try again; if it keeps happening, report it to the Trail Imports maintainers.",
    retryable: true,
  },
  Unknown: {
    message:
      "Something unexpected went wrong while calling AWS. Try again; if it keeps happening, give the administrator the request ID shown.",
    retryable: false,
  },
};

const IMPORT_ID_PARAMETER: Partial<CloudTrailErrorText> = {
  message:
    "CloudTrail rejected the import ID. Check that it is the 36-character ID shown for the import.",
  field: "importId",
};

// Where the same exception means something different for one operation.
const OPERATION_TEXT: Partial<
  Record<CloudTrailOperation, Partial<Record<CloudTrailErrorCode, Partial<CloudTrailErrorText>>>>
> = {
  startImport: {
    OperationNotPermittedException: {
      message: `CloudTrail refused to start the import, which usually means this account can't use CloudTrail Lake. ${LAKE_CLOSED} Confirm the account already uses Lake; if it doesn't, use Amazon CloudWatch for this instead.`,
    },
    UnsupportedOperationException: {
      message: `CloudTrail doesn't support starting imports for this account or Region, so the account may not be able to use CloudTrail Lake. ${LAKE_CLOSED} Confirm the account already uses Lake in this Region.`,
    },
    RegionNotConfigured: { field: "destination" },
  },
  retryImport: {
    OperationNotPermittedException: {
      message: `CloudTrail refused to retry this import. Only failed or stopped imports can be retried, so refresh to see its status. If it is failed or stopped, the account may no longer be able to use CloudTrail Lake: ${LAKE_CLOSED}`,
    },
    InvalidParameterException: IMPORT_ID_PARAMETER,
  },
  stopImport: {
    OperationNotPermittedException: {
      message:
        "CloudTrail refused to stop this import, most likely because it has already finished or was stopped. Refresh to see its current status.",
    },
    InvalidParameterException: IMPORT_ID_PARAMETER,
  },
  getImport: { InvalidParameterException: IMPORT_ID_PARAMETER },
  listImportFailures: { InvalidParameterException: IMPORT_ID_PARAMETER },
  listImports: {
    InvalidParameterException: {
      message:
        "CloudTrail rejected the filters for the list of imports. Clear the filters and reload.",
    },
    EventDataStoreARNInvalidException: {
      message:
        "CloudTrail rejected the event data store used as a filter. Clear the filter and reload.",
    },
  },
};

/** Whether `name` is an error code Trail Imports has a message for. */
export function isCloudTrailErrorCode(name: string): name is CloudTrailErrorCode {
  return Object.hasOwn(CLOUDTRAIL_ERROR_TEXT, name);
}

/** The message, blamed field and retryability for `code`, specialised for `operation` when it matters. */
export function describeCloudTrailError(
  code: CloudTrailErrorCode,
  operation?: CloudTrailOperation,
): CloudTrailErrorText {
  const base = CLOUDTRAIL_ERROR_TEXT[code];
  const specific = operation ? OPERATION_TEXT[operation]?.[code] : undefined;
  return { ...base, ...specific };
}

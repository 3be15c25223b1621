// Builders for check results, so every evaluator words "couldn't check" the same way.
import type {
  CheckDetail,
  CheckFix,
  CheckResult,
  CheckStatus,
  PreflightCheckId,
} from "@/lib/schemas/preflight";
import type { FetchFailure } from "./facts";

export const CHECK_TITLES: Record<PreflightCheckId, string> = {
  destination: "Destination event data store",
  retention: "Retention covers the time range",
  "bucket-region": "Bucket and Region",
  "object-ownership": "Bucket ACLs disabled",
  "log-files": "Log files in the time range",
  "file-kinds": "Files CloudTrail can read",
  encryption: "Encryption keys",
  "role-trust": "Role trust policy",
  "role-permissions": "Role permissions on the bucket",
  ongoing: "No other import running",
  overlap: "No duplicate events",
};

interface ResultOptions {
  fix?: CheckFix;
  details?: CheckDetail[];
}

/** A check result with its standard title. */
export function checkResult(
  id: PreflightCheckId,
  status: Exclude<CheckStatus, "not-checked">,
  sentence: string,
  options: ResultOptions = {},
): CheckResult {
  return {
    id,
    title: CHECK_TITLES[id],
    status,
    sentence,
    details: options.details ?? [],
    ...(options.fix ? { fix: options.fix } : {}),
  };
}

/**
 * "Couldn't check": names the permission the app's identity lacked (or the error that stopped
 * the read) and how to grant it. Never blocks a start.
 */
export function couldNotCheck(
  id: PreflightCheckId,
  failure: FetchFailure,
  what: string,
  options: ResultOptions = {},
): CheckResult {
  const sentence =
    failure.reason === "access-denied"
      ? `Couldn't check ${what}: AWS refused ${failure.permission} to this app's identity (${failure.code ?? "AccessDenied"}).`
      : failure.message
        ? `Couldn't check ${what}: ${failure.message}`
        : `Couldn't check ${what}: the ${failure.permission} call failed (${failure.code ?? "error"}). Run the checks again.`;
  const fix: CheckFix = options.fix ?? {
    text:
      failure.reason === "access-denied"
        ? `Allow ${failure.permission} to the app's identity to include this check. The import itself doesn't need it.`
        : "Run the checks again; if it keeps failing, check the app's connection to AWS.",
  };
  return {
    id,
    title: CHECK_TITLES[id],
    status: "not-checked",
    sentence,
    fix,
    missingPermission: failure.reason === "access-denied" ? failure.permission : undefined,
    details: options.details ?? [],
  };
}

/** "Couldn't check" for a reason other than a refused permission (e.g. a role in another account). */
export function notChecked(
  id: PreflightCheckId,
  sentence: string,
  options: ResultOptions = {},
): CheckResult {
  return {
    id,
    title: CHECK_TITLES[id],
    status: "not-checked",
    sentence,
    details: options.details ?? [],
    ...(options.fix ? { fix: options.fix } : {}),
  };
}

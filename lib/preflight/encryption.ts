// Check 7: log files encrypted with SSE-KMS can be read only if the role may kms:Decrypt with
// their key. Keys come from HeadObject on sampled files; the role's side is simulated per key.
// The key policy must allow the role too, and reading it needs KMS access this app doesn't ask
// for, so a pass here says so.
import { generateImportPolicies, type PolicyInputs } from "@/lib/imports/policies";
import type { CheckResult } from "@/lib/schemas/preflight";
import type { HeadObjectFacts, SimulationResult } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { listSome, plural } from "./format";
import { checkResult, couldNotCheck, notChecked } from "./result";

export interface EncryptionFacts extends PolicyInputs {
  roleArn: string;
  /** HeadObject on the sampled log files. */
  heads: Fetched<HeadObjectFacts[]>;
  /** SimulatePrincipalPolicy of kms:Decrypt for the role, per KMS key ARN found in `heads`. */
  decrypt: Record<string, Fetched<SimulationResult[]> | "other-account">;
}

/** The distinct KMS keys the sampled files are encrypted with. */
export function kmsKeysOf(heads: readonly HeadObjectFacts[]): string[] {
  return [
    ...new Set(
      heads.flatMap((h) =>
        h.serverSideEncryption?.startsWith("aws:kms") && h.kmsKeyId ? [h.kmsKeyId] : [],
      ),
    ),
  ];
}

function keyFix(facts: EncryptionFacts, key: string, text: string) {
  const policies = generateImportPolicies({ ...facts, kmsKeyArn: key });
  return {
    text: `${text} Add the DecryptLogObjects statement to the role's permissions policy, and this statement to the key policy of ${key}.`,
    copyable: {
      label: "KMS key policy statement JSON",
      code: policies.kmsKeyPolicyStatement ?? "",
    },
  };
}

/** Whether the role may decrypt the sampled SSE-KMS log files. */
export function evaluateEncryption(facts: EncryptionFacts): CheckResult {
  if (!facts.heads.ok)
    return couldNotCheck("encryption", facts.heads, "how the log files are encrypted");
  const heads = facts.heads.value;
  if (heads.length === 0) {
    return checkResult(
      "encryption",
      "pass",
      "No log files were sampled, so there was no encryption to check.",
    );
  }
  const keys = kmsKeysOf(heads);
  const sampled = plural(heads.length, "sampled file");
  const verb = heads.length === 1 ? "uses" : "use";
  if (keys.length === 0) {
    const kinds = [...new Set(heads.map((h) => h.serverSideEncryption ?? "none"))];
    return checkResult(
      "encryption",
      "pass",
      `The ${sampled} ${verb} ${listSome(kinds)} encryption, which needs no key permission.`,
      {
        details: [
          {
            label: "Sampled",
            value: listSome(
              heads.map((h) => h.key),
              2,
            ),
          },
        ],
      },
    );
  }
  const details = keys.map((key) => {
    const result = facts.decrypt[key];
    const decision =
      result === undefined || result === "other-account"
        ? "not checked"
        : result.ok
          ? (result.value.find((r) => r.action.toLowerCase() === "kms:decrypt")?.decision ??
            "not simulated")
          : `not checked (${result.permission} refused)`;
    return { label: key, value: decision };
  });
  const refused = keys.filter((key) => {
    const result = facts.decrypt[key];
    return (
      result !== undefined &&
      result !== "other-account" &&
      result.ok &&
      result.value.find((r) => r.action.toLowerCase() === "kms:decrypt")?.decision !== "allowed"
    );
  });
  const firstRefused = refused[0];
  if (firstRefused) {
    return checkResult(
      "encryption",
      "failure",
      `The ${sampled} ${heads.length === 1 ? "is" : "are"} encrypted with KMS key ${listSome(refused, 1)}, and the role's policies don't allow kms:Decrypt with it, so CloudTrail can't read them.`,
      {
        fix: keyFix(facts, firstRefused, "Allow the role to decrypt with the key."),
        details,
      },
    );
  }
  const unchecked = keys.filter((key) => {
    const result = facts.decrypt[key];
    return result === undefined || result === "other-account" || !result.ok;
  });
  const firstUnchecked = unchecked[0];
  if (firstUnchecked) {
    const result = facts.decrypt[firstUnchecked];
    const failure =
      result !== undefined && result !== "other-account" && !result.ok ? result : undefined;
    const why = `Couldn't check whether the role may decrypt with KMS key ${firstUnchecked}`;
    return failure
      ? couldNotCheck("encryption", failure, `whether the role may use KMS key ${firstUnchecked}`, {
          fix: keyFix(facts, firstUnchecked, "Make sure the role may decrypt with it."),
          details,
        })
      : notChecked("encryption", `${why}: the role is in another account than the app.`, {
          fix: keyFix(facts, firstUnchecked, "Make sure the role may decrypt with it."),
          details,
        });
  }
  return checkResult(
    "encryption",
    "pass",
    `The ${sampled} ${verb} KMS ${keys.length === 1 ? "key" : "keys"} the role's policies may decrypt with; the key policy must allow the role too, which this check can't read.`,
    { details },
  );
}

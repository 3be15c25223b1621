import "server-only";
import { retryImport, startImport, stopImport } from "@/lib/cloudtrail";
import { createStartGuard } from "@/lib/imports/start-guard";
import {
  importActionInputSchema,
  parseEventDataStoreArn,
  startImportSubmissionSchema,
} from "@/lib/schemas/import";
import type { ActionDefinition } from "./action-pipeline";
import { databaseStartGuardStore, storedStartResultSchema } from "./start-guard-store";
import {
  type AwsActionResult,
  type AwsFailureDetail,
  type ImportActionData,
  type ImportRef,
  actionError,
  actionOk,
} from "./types";

// The bodies of the import actions. The "use server" files wrap them with createAction; tests
// run them through buildAction with a test user, against the local Lake.

// In the database, so a replay on any replica finds the first result and the per-account claim holds
// across replicas. Transient failures are not remembered, so sending the same submission again can succeed.
const startGuard = createStartGuard(
  databaseStartGuardStore(storedStartResultSchema),
  (result: AwsActionResult<ImportRef>) => result.ok || !result.detail?.retryable,
);

/**
 * Starts a new import as the signed-in operator, in the destination's Region. Input: the wizard's
 * values plus a client-made `submissionId`; a replay of it by the same user within ten minutes
 * returns the first result without calling AWS. One start runs at a time per account and Region.
 */
export const startImportDefinition: ActionDefinition<
  typeof startImportSubmissionSchema,
  ImportRef,
  AwsFailureDetail
> = {
  name: "start-import",
  schema: startImportSubmissionSchema,
  role: "operator",
  operation: "startImport",
  async handler({ submissionId, overrideFailedChecks, ...input }, { user, note, failure }) {
    const store = parseEventDataStoreArn(input.destination);
    const key = `${store?.accountId ?? ""}|${store?.region ?? ""}`;
    // Every outcome, refused ones included, names what was asked for.
    note({
      detail: {
        destination: input.destination,
        s3Uri: input.s3Uri,
        region: store?.region,
        roleArn: input.roleArn,
        startTime: input.startTime?.toISOString(),
        endTime: input.endTime?.toISOString(),
      },
    });
    const outcome = await startGuard.run(key, `${user.id}|${submissionId}`, async () => {
      note({ detail: { bucketRegion: input.bucketRegion, overrideFailedChecks } });
      try {
        const { importId, region } = await startImport(user, input);
        note({ importId, detail: { region } });
        return actionOk({ importId, region }, "Import started");
      } catch (error) {
        return failure(error);
      }
    });
    if (outcome.kind === "busy") {
      note({ detail: { reason: "start already in flight" } });
      return actionError(
        "conflict",
        "An import is already being started in this AWS account and Region. Wait for it to finish, then try again.",
      );
    }
    if (outcome.kind === "replayed") {
      const { result } = outcome;
      note({
        ...(result.ok ? { importId: result.data.importId } : {}),
        detail: { replayed: true },
      });
    }
    return outcome.result;
  },
};

const COMMANDS = {
  "stop-import": { operation: "stopImport", call: stopImport, message: "Import stopped." },
  "retry-import": { operation: "retryImport", call: retryImport, message: "Retry started." },
} as const;

/**
 * Stop (an INITIALIZING or IN_PROGRESS import) or retry (a FAILED or STOPPED one, which CloudTrail
 * does as StartImport with only the import id). Operators only; CloudTrail refuses other states,
 * which comes back as a mapped message.
 */
export function importCommandDefinition(
  name: keyof typeof COMMANDS,
): ActionDefinition<typeof importActionInputSchema, ImportActionData, AwsFailureDetail> {
  const { operation, call, message } = COMMANDS[name];
  return {
    name,
    schema: importActionInputSchema,
    role: "operator",
    operation,
    async handler({ importId, region }, { user, note }) {
      note({ importId, detail: { region } });
      const { status } = await call(user, region, importId);
      note({ detail: { status } });
      return actionOk({ importId, region, status }, message);
    },
  };
}

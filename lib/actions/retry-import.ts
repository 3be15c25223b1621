"use server";

import { after } from "next/server";
import { retryImport, toCloudTrailFailure } from "@/lib/cloudtrail";
import { actionError, actionOk, createAction } from "@/lib/actions/safe-action";
import { audit } from "@/lib/audit";
import { importActionInputSchema } from "@/lib/schemas/import";
import type { ImportActionData } from "@/lib/imports/status";

/**
 * Retries a FAILED or STOPPED import (StartImport with only its id, notes a.7). Operators only;
 * CloudTrail (and the local Lake) refuse other states, which comes back as a mapped message.
 */
export const retryImportAction = createAction(
  { schema: importActionInputSchema, role: "operator", name: "retry-import" },
  async ({ importId, region }, user) => {
    const actor = { id: user.id, email: user.email };
    try {
      const details = await retryImport(user, region, importId);
      after(() =>
        audit({
          actor,
          action: "retry-import",
          importId,
          result: "ok",
          detail: { region, status: details.status },
        }),
      );
      return actionOk<ImportActionData>(
        { importId, region, status: details.status },
        "Retry started.",
      );
    } catch (error) {
      const failure = toCloudTrailFailure(error, "retryImport");
      after(() =>
        audit({
          actor,
          action: "retry-import",
          importId,
          result: "aws",
          detail: { region, error: failure.code },
        }),
      );
      return actionError("aws", failure.message);
    }
  },
);

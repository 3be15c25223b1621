"use server";

import { after } from "next/server";
import { stopImport, toCloudTrailFailure } from "@/lib/cloudtrail";
import { actionError, actionOk, createAction } from "@/lib/actions/safe-action";
import { audit } from "@/lib/audit";
import { importActionInputSchema } from "@/lib/schemas/import";
import type { ImportActionData } from "@/lib/imports/status";

/**
 * Stops an INITIALIZING or IN_PROGRESS import. Operators only; stopping a finished import is
 * refused by CloudTrail and comes back as a mapped message.
 */
export const stopImportAction = createAction(
  { schema: importActionInputSchema, role: "operator", name: "stop-import" },
  async ({ importId, region }, user) => {
    const actor = { id: user.id, email: user.email };
    try {
      const details = await stopImport(user, region, importId);
      after(() =>
        audit({
          actor,
          action: "stop-import",
          importId,
          result: "ok",
          detail: { region, status: details.status },
        }),
      );
      return actionOk<ImportActionData>(
        { importId, region, status: details.status },
        "Import stopped.",
      );
    } catch (error) {
      const failure = toCloudTrailFailure(error, "stopImport");
      after(() =>
        audit({
          actor,
          action: "stop-import",
          importId,
          result: "aws",
          detail: { region, error: failure.code },
        }),
      );
      return actionError("aws", failure.message);
    }
  },
);

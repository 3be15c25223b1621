"use server";

import { after } from "next/server";
import { createAction } from "@/lib/actions/safe-action";
import { audit } from "@/lib/audit";
import { startImportSubmissionSchema } from "@/lib/schemas/import";
import { handleStartImport } from "./start-import-handler";

/**
 * Starts a new CloudTrail Lake import as the signed-in operator. Input: the wizard's values plus
 * a client-made `submissionId` (replays of it return the first result). Returns `{ importId, region }`
 * or a mapped AWS error (with `fieldErrors` for the field to blame and `failure` details).
 */
export const startImportAction = createAction(
  { schema: startImportSubmissionSchema, role: "operator", name: "start-import" },
  (input, user) => handleStartImport(input, user, { audit: (entry) => after(() => audit(entry)) }),
);

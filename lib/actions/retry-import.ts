"use server";

import { createAction } from "./create-action";
import { importCommandDefinition } from "./definitions";

/** Retries a failed or stopped import; returns the status CloudTrail answered with. */
export const retryImportAction = createAction(importCommandDefinition("retry-import"));

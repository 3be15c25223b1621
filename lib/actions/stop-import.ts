"use server";

import { createAction } from "./create-action";
import { importCommandDefinition } from "./definitions";

/** Stops a running import; returns the status CloudTrail answered with. */
export const stopImportAction = createAction(importCommandDefinition("stop-import"));

"use server";

import { createAction } from "./create-action";
import { startImportDefinition } from "./definitions";

/** Starts a CloudTrail Lake import; returns `{ importId, region }` or a mapped failure. */
export const startImportAction = createAction(startImportDefinition);

"use server";

import { createAction } from "../create-action";
import { createPlanDefinition } from "./definitions";

/** Creates a backfill plan from the new-plan form; returns its id and chunk count. */
export const createPlanAction = createAction(createPlanDefinition);

"use server";

import { createAction } from "../create-action";
import { planCommandDefinition } from "./definitions";

/** Cancels a backfill plan if it is still in the state the caller saw. */
export const cancelPlanAction = createAction(planCommandDefinition("cancel"));

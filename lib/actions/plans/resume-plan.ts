"use server";

import { createAction } from "../create-action";
import { planCommandDefinition } from "./definitions";

/** Resumes a backfill plan if it is still in the state the caller saw. */
export const resumePlanAction = createAction(planCommandDefinition("resume"));

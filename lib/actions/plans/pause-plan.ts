"use server";

import { createAction } from "../create-action";
import { planCommandDefinition } from "./definitions";

/** Pauses a backfill plan if it is still in the state the caller saw. */
export const pausePlanAction = createAction(planCommandDefinition("pause"));

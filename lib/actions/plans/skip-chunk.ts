"use server";

import { createAction } from "../create-action";
import { chunkCommandDefinition } from "./definitions";

/** Skips one chunk of a plan (pending, failed, stopped or held). */
export const skipChunkAction = createAction(chunkCommandDefinition("skip"));

"use server";

import { createAction } from "../create-action";
import { chunkCommandDefinition } from "./definitions";

/** Puts a failed, stopped, skipped or held chunk back in the queue with a fresh retry budget. */
export const rerunChunkAction = createAction(chunkCommandDefinition("rerun"));

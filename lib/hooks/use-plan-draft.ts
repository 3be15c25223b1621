"use client";

import { PLAN_DRAFT_KEY, parsePlanDraft } from "@/lib/plans/plan-draft";
import { createSessionDraft } from "./session-draft";

/**
 * The new-plan draft in sessionStorage. `draft` is `null` while server-rendering and hydrating;
 * `update` merges and saves; `clear` forgets it.
 */
export const usePlanDraft = createSessionDraft(PLAN_DRAFT_KEY, parsePlanDraft);

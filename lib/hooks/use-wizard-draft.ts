"use client";

import { WIZARD_DRAFT_KEY, parseWizardDraft } from "@/lib/imports/wizard-draft";
import { createSessionDraft } from "./session-draft";

/**
 * The new-import draft in sessionStorage. `draft` is `null` while server-rendering and hydrating;
 * `update` merges and saves; `clear` forgets it.
 */
export const useWizardDraft = createSessionDraft(WIZARD_DRAFT_KEY, parseWizardDraft);

// Check 1: can the destination receive an import at all? Status and category, and for an
// organisation store, whether the app runs as the organisation's management account (CloudTrail
// refuses a delegated administrator or member account).
import type { CheckResult } from "@/lib/schemas/preflight";
import type { CallerFacts, OrganizationFacts } from "@/lib/schemas/preflight-facts";
import type { Fetched, StoreFacts } from "./facts";
import { checkResult, couldNotCheck } from "./result";

export interface DestinationFacts {
  store: Fetched<StoreFacts>;
  caller: Fetched<CallerFacts>;
  /** Only read for organisation stores; a not-found failure means the account is in no organisation. */
  organization?: Fetched<OrganizationFacts>;
}

const IMPORTABLE = new Set(["ENABLED", "STOPPED_INGESTION"]);

const STATUS_SENTENCES: Record<string, string> = {
  CREATED: "is still being created",
  STARTING_INGESTION: "is starting ingestion",
  STOPPING_INGESTION: "is stopping ingestion",
  PENDING_DELETION: "is pending deletion",
};

/** Whether the store can receive this import from this account. */
export function evaluateDestination(facts: DestinationFacts): CheckResult {
  const { store } = facts;
  if (!store.ok) {
    if (store.reason === "not-found") {
      return checkResult(
        "destination",
        "failure",
        "The destination event data store doesn't exist in its Region, or was deleted.",
        {
          fix: { text: "Choose an existing event data store from the list." },
        },
      );
    }
    return couldNotCheck("destination", store, "the destination event data store");
  }
  const s = store.value;
  if (!IMPORTABLE.has(s.status)) {
    const state = STATUS_SENTENCES[s.status] ?? `has status ${s.status}`;
    return checkResult(
      "destination",
      "failure",
      `The destination store ${state}; CloudTrail imports only into stores that are enabled or have ingestion stopped.`,
      {
        fix: {
          text:
            s.status === "PENDING_DELETION"
              ? "Restore the store or choose another one."
              : "Wait until the store is enabled, then run the checks again.",
        },
        details: [{ label: "Status", value: s.status }],
      },
    );
  }
  if (s.category === "other") {
    return checkResult(
      "destination",
      "failure",
      `The destination store collects ${s.eventCategories.join(", ")} events, not CloudTrail events, so CloudTrail refuses to import trail logs into it.`,
      {
        fix: { text: "Choose a store that collects CloudTrail management or data events." },
        details: [{ label: "Event categories", value: s.eventCategories.join(", ") }],
      },
    );
  }
  if (!s.organizationEnabled) {
    return checkResult(
      "destination",
      "pass",
      "The destination store is enabled and holds CloudTrail events.",
      {
        details: [{ label: "Status", value: s.status }],
      },
    );
  }
  return evaluateOrganizationStore(facts);
}

function evaluateOrganizationStore({ caller, organization }: DestinationFacts): CheckResult {
  if (!caller.ok) return couldNotCheck("destination", caller, "which account the app runs as");
  if (!organization) {
    return checkResult(
      "destination",
      "warning",
      "This is an organisation store, and CloudTrail imports into it only from the management account; that wasn't checked.",
    );
  }
  if (!organization.ok) {
    if (organization.reason === "not-found") {
      return checkResult(
        "destination",
        "failure",
        `This is an organisation store, but account ${caller.value.accountId} isn't in an organisation, so CloudTrail will refuse the import.`,
      );
    }
    return couldNotCheck(
      "destination",
      organization,
      "that the app runs as the organisation's management account (an organisation store accepts imports only from it)",
    );
  }
  const management = organization.value.managementAccountId;
  if (management !== caller.value.accountId) {
    return checkResult(
      "destination",
      "failure",
      `This is an organisation store, and the app runs as account ${caller.value.accountId}, not the management account ${management}. CloudTrail accepts imports into organisation stores only from the management account, not from a delegated administrator or member.`,
      {
        fix: { text: `Start the import with credentials of the management account ${management}.` },
        details: [
          { label: "App account", value: caller.value.accountId },
          { label: "Management account", value: management },
        ],
      },
    );
  }
  return checkResult(
    "destination",
    "pass",
    "The organisation store is enabled, and the app runs as the organisation's management account.",
    {
      details: [{ label: "Management account", value: management }],
    },
  );
}

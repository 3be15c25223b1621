import "server-only";
import type { AppUser } from "@/lib/auth/user";
import { toCloudTrailFailure } from "./errors";
import { listStoresWithDetails } from "./stores";
import type { EventDataStoreDetails } from "./types";

/**
 * Every event data store the user can see, for a store picker: the stores, the Regions or stores
 * that could not be read (in words), or one sentence when the whole listing failed. Never throws
 * for an AWS error, so the picker can offer typing an ARN instead.
 */
export async function loadWizardStores(
  user: AppUser,
): Promise<{ stores: EventDataStoreDetails[]; problems: string[]; error?: string }> {
  try {
    const { stores, problems } = await listStoresWithDetails(user);
    return {
      stores,
      problems: problems.map(
        (p) => `${p.storeArn ? `Store ${p.storeArn}` : `Region ${p.region}`}: ${p.failure.message}`,
      ),
    };
  } catch (error) {
    return {
      stores: [],
      problems: [],
      error: toCloudTrailFailure(error, "listEventDataStores").message,
    };
  }
}

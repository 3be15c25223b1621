import "server-only";

// The app's only door to AWS. Pages, route handlers and actions import from here.
export { cloudTrailFor } from "./client";
export { credentialsFor, identityKey, toStsName } from "./credentials";
export {
  CloudTrailAppError,
  CloudTrailCallError,
  RegionNotConfiguredError,
  describeErrorForLog,
  toCloudTrailFailure,
} from "./errors";
export { findImportRegion } from "./find-import-region";
export { IMPORT_STARTER_UNKNOWN, lookupImportStarter } from "./import-starter";
export {
  type ListImportsOptions,
  getImport,
  listImportFailuresPage,
  listImportsPage,
  stopImport,
} from "./imports";
export { probeCloudTrail } from "./readiness";
export { PREFLIGHT_CACHE_MS, runPreflight } from "./preflight/run";
// StartImport only behind the destination, role and bucket fences.
export { retryImport, startImport } from "./import-guard";
export { assertConfiguredRegion, configuredRegions, regionOfStoreArn } from "./regions";
export {
  getEventDataStore,
  invalidateStores,
  listEventDataStores,
  listStoresWithDetails,
} from "./stores";
export type * from "./types";

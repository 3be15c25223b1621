// Operation name (the text after the last "." of X-Amz-Target) → handler.
import type { OpHandler } from "./context.ts";
import { getEventDataStore, listEventDataStores } from "./event-data-stores.ts";
import { getImport, listImportFailures, listImports, stopImport } from "./import-ops.ts";
import { lookupEvents } from "./lookup-events.ts";
import { startImport } from "./start-import.ts";

export const OPERATIONS: Readonly<Record<string, OpHandler>> = {
  StartImport: startImport,
  GetImport: getImport,
  ListImports: listImports,
  ListImportFailures: listImportFailures,
  StopImport: stopImport,
  ListEventDataStores: listEventDataStores,
  GetEventDataStore: getEventDataStore,
  LookupEvents: lookupEvents,
};

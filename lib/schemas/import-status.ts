// The CloudTrail ImportStatus values, free of zod so client components can list statuses without
// shipping the schema library (lib/schemas/import builds its enum from them).

/** The CloudTrail `ImportStatus` enum, in lifecycle order. */
export const IMPORT_STATUSES = [
  "INITIALIZING",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "STOPPED",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

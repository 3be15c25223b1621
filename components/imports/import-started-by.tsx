import { IMPORT_STARTER_UNKNOWN, lookupImportStarter } from "@/lib/cloudtrail";
import type { Caller } from "@/lib/cloudtrail/types";

/**
 * Who started the import, from CloudTrail's own StartImport record (LookupEvents): the
 * SourceIdentity, else the principal. Streams in after the rest of the page.
 */
export async function ImportStartedBy({
  caller,
  region,
  importId,
  createdAt,
}: {
  caller: Caller;
  region: string;
  importId: string;
  createdAt: string | undefined;
}) {
  const starter = await lookupImportStarter(
    caller,
    region,
    importId,
    createdAt ? { createdAt } : {},
  );
  if (starter === null) {
    return (
      <span>
        unknown{" "}
        <span className="text-muted-foreground">
          (CloudTrail has no StartImport record for it yet)
        </span>
      </span>
    );
  }
  if (starter === IMPORT_STARTER_UNKNOWN) {
    return (
      <span>
        unknown{" "}
        <span className="text-muted-foreground">(CloudTrail event history could not be read)</span>
      </span>
    );
  }
  return <span className="font-medium break-all">{starter}</span>;
}

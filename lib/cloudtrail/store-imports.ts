import "server-only";
import { mapWithConcurrency } from "./concurrency";
import { toCloudTrailFailure } from "./errors";
import { getImport, listImportsPage } from "./imports";
import { LIST_HYDRATE_CONCURRENCY } from "./imports-view";
import { configuredRegions } from "./regions";
import type { Caller, ImportDetails, ImportSummary } from "./types";

/** A store's history beyond this many imports is cut; the page says so. */
export const STORE_IMPORTS_LIMIT = 1000;
const PAGE_SIZE = 200;

/**
 * Every import that names `store`, from each configured Region (someone may have started one
 * from another Region's console), with its time range read through the shared GetImport cache
 * (finished imports stay cached for minutes, so a reload costs only the list calls). A Region or
 * import that can't be read is reported in words and left out, never fatal.
 */
export async function importsForStore(
  caller: Caller,
  store: string,
): Promise<{ imports: ImportDetails[]; problems: string[]; truncated: boolean }> {
  const problems: string[] = [];
  let truncated = false;
  const summaries: ImportSummary[] = [];
  await Promise.all(
    configuredRegions().map(async (region) => {
      let nextToken: string | undefined;
      try {
        do {
          const page = await listImportsPage(caller, region, {
            destination: store,
            maxResults: PAGE_SIZE,
            ...(nextToken ? { nextToken } : {}),
          });
          summaries.push(...page.items);
          nextToken = page.nextToken;
          if (summaries.length >= STORE_IMPORTS_LIMIT && nextToken) {
            truncated = true;
            nextToken = undefined;
          }
        } while (nextToken);
      } catch (error) {
        problems.push(`Region ${region}: ${toCloudTrailFailure(error, "listImports").message}`);
      }
    }),
  );
  const unique = [...new Map(summaries.map((s) => [s.importId, s])).values()].slice(
    0,
    STORE_IMPORTS_LIMIT,
  );
  let unread = 0;
  const details = await mapWithConcurrency(unique, LIST_HYDRATE_CONCURRENCY, async (summary) => {
    try {
      return await getImport(caller, summary.region, summary.importId);
    } catch {
      unread += 1;
      return null;
    }
  });
  if (unread > 0)
    problems.push(
      `${unread} ${unread === 1 ? "import" : "imports"} could not be read, so their days may show as missing.`,
    );
  return {
    imports: details.filter((d): d is ImportDetails => d !== null),
    problems,
    truncated,
  };
}

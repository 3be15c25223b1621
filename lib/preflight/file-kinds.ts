// Check 6: files in the range that CloudTrail will skip or fail on. It copies only gzip files,
// only files named the way CloudTrail names them, and S3 refuses to read archived objects
// (Glacier Flexible Retrieval, Deep Archive, Intelligent-Tiering's archive tiers) until restored.
import type { CheckResult } from "@/lib/schemas/preflight";
import type { HeadObjectFacts } from "@/lib/schemas/preflight-facts";
import type { Fetched } from "./facts";
import { formatBytes, formatCount, listSome, plural } from "./format";
import type { KindTally, RegionTally } from "./listing";
import type { SourceListing } from "./log-files";
import { checkResult, couldNotCheck } from "./result";

export interface FileKindsFacts {
  bucket: string;
  listing: Fetched<SourceListing>;
  /** HeadObject replies for sampled files; they reveal Intelligent-Tiering's archive status. */
  heads?: readonly HeadObjectFacts[];
}

function sum(tallies: readonly RegionTally[], pick: (t: RegionTally) => KindTally): KindTally {
  return tallies.map(pick).reduce(
    (a, b) => ({
      count: a.count + b.count,
      bytes: a.bytes + b.bytes,
      examples: [...a.examples, ...b.examples].slice(0, 3),
    }),
    { count: 0, bytes: 0, examples: [] },
  );
}

/** The command that restores an archived object for a week (Bulk is the cheapest tier). */
export function restoreCommand(bucket: string, key: string): string {
  return `aws s3api restore-object --bucket ${bucket} --key '${key}' --restore-request '{"Days":7,"GlacierJobParameters":{"Tier":"Bulk"}}'`;
}

/** Counts and examples of uncompressed, non-CloudTrail and archived files. */
export function evaluateFileKinds({ bucket, listing, heads = [] }: FileKindsFacts): CheckResult {
  if (!listing.ok) return couldNotCheck("file-kinds", listing, "which files CloudTrail can read");
  const tallies = listing.value.tallies;
  const uncompressed = sum(tallies, (t) => t.uncompressed);
  const foreign = sum(tallies, (t) => t.notCloudTrail);
  const archived = sum(tallies, (t) => t.archived);
  const tieredArchived = heads.filter(
    (h) => h.storageClass === "INTELLIGENT_TIERING" && h.archiveStatus,
  );
  const tiering = sum(tallies, (t) => t.intelligentTiering);
  const readable = tallies.reduce((n, t) => n + t.readable.files, 0);
  const instant = tallies.reduce((n, t) => n + t.glacierInstantRetrieval, 0);

  const details = [
    {
      label: "Uncompressed (skipped)",
      value: `${formatCount(uncompressed.count)}${uncompressed.count ? `, e.g. ${listSome(uncompressed.examples, 2)}` : ""}`,
    },
    {
      label: "Not named like CloudTrail logs",
      value: `${formatCount(foreign.count)}${foreign.count ? `, e.g. ${listSome(foreign.examples, 2)}` : ""}`,
    },
    {
      label: "Archived (Glacier, Deep Archive)",
      value: `${formatCount(archived.count)}${archived.count ? `, ${formatBytes(archived.bytes)}, e.g. ${listSome(archived.examples, 2)}` : ""}`,
    },
    { label: "Glacier Instant Retrieval (readable)", value: formatCount(instant) },
  ];
  if (tiering.count > 0) {
    details.push({
      label: "Intelligent-Tiering",
      value: `${formatCount(tiering.count)}; ${tieredArchived.length ? `${plural(tieredArchived.length, "sampled file")} in an archive tier` : "readable unless the bucket's archive tiers are on"}`,
    });
  }
  const problems: string[] = [];
  if (uncompressed.count)
    problems.push(
      `${plural(uncompressed.count, "uncompressed file")} (CloudTrail copies only .json.gz files, so it skips them)`,
    );
  if (foreign.count)
    problems.push(
      `${plural(foreign.count, "file")} not named like CloudTrail logs (they will be reported as failures)`,
    );
  if (archived.count)
    problems.push(
      `${plural(archived.count, "archived file")} (${formatBytes(archived.bytes)}) that S3 won't serve until restored`,
    );
  if (tieredArchived.length)
    problems.push(
      `Intelligent-Tiering files in an archive tier (${plural(tieredArchived.length, "sampled file")})`,
    );
  if (problems.length === 0 && readable === 0) {
    return checkResult(
      "file-kinds",
      "pass",
      "There are no files in the range to check; the log files check says why.",
      { details },
    );
  }
  if (problems.length === 0) {
    return checkResult(
      "file-kinds",
      "pass",
      `Every file in the range is a gzip CloudTrail log in a readable storage class${instant ? ` (${plural(instant, "file")} in Glacier Instant Retrieval, which reads like Standard)` : ""}.`,
      { details },
    );
  }
  const firstArchived = archived.examples[0] ?? tieredArchived[0]?.key;
  const fix = firstArchived
    ? {
        text: "Restore archived objects before importing (a batch operation restores many at once), and move files CloudTrail can't read out of the prefix. This restores one example:",
        copyable: {
          label: "Command to restore an archived log file",
          code: restoreCommand(bucket, firstArchived),
        },
      }
    : {
        text: "Gzip the uncompressed logs (CloudTrail names them .json.gz) and move files that aren't CloudTrail logs out of the prefix, or accept that they will be skipped.",
      };
  const status = readable === 0 ? "failure" : "warning";
  const lead =
    readable === 0 ? "CloudTrail can read none of the files in the range: " : `The range has `;
  return checkResult("file-kinds", status, `${lead}${listSome(problems, 4)}.`, { fix, details });
}

// Check 5: are there log files in the range, in which Regions, and which days have none?
// A day without files in a Region that logged other days usually means delivery stopped, the
// trail didn't cover that Region yet, or the files were moved.
import type { CheckResult } from "@/lib/schemas/preflight";
import { dayPath, daysBetween } from "./day-prefixes";
import type { Fetched, TimeRange } from "./facts";
import { formatBytes, listSome, plural } from "./format";
import { logFilesOf, totalOf, type RegionTally } from "./listing";
import { checkResult, couldNotCheck } from "./result";

export interface SourceListing {
  tallies: RegionTally[];
  /** Discovery stopped at its limit: more accounts or Regions may exist. */
  discoveryTruncated: boolean;
}

export interface LogFilesFacts {
  s3Uri: string;
  range: TimeRange;
  now: Date;
  listing: Fetched<SourceListing>;
}

/** Days of the range (`YYYY/MM/DD`) without a log file in `tally`. */
export function emptyDays(tally: RegionTally, first: string, last: string): string[] {
  return daysBetween(first, last).filter((day) => !tally.days[day]);
}

const dashed = (day: string): string => day.replaceAll("/", "-");

function label(t: RegionTally): string {
  const owner = [t.organizationId, t.accountId].filter(Boolean).join("/");
  return owner ? `${t.region} (${owner})` : t.region;
}

/** Files and bytes per Region, and the days with no files. */
export function evaluateLogFiles({ s3Uri, range, now, listing }: LogFilesFacts): CheckResult {
  if (!listing.ok) {
    if (listing.reason === "not-found") {
      return checkResult(
        "log-files",
        "failure",
        "The bucket doesn't exist, so there are no log files to import.",
      );
    }
    return couldNotCheck("log-files", listing, `which log files ${s3Uri} holds`);
  }
  const { tallies, discoveryTruncated } = listing.value;
  if (tallies.length === 0) {
    return checkResult(
      "log-files",
      "failure",
      `No CloudTrail folders under ${s3Uri}. CloudTrail looks for AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ (or AWSLogs/<organization>/<account>/… for an organisation trail) inside the URI.`,
      {
        fix: { text: "Point the S3 URI at the folder that holds AWSLogs/, or at AWSLogs/ itself." },
      },
    );
  }
  const known = tallies.flatMap((t) => Object.keys(t.days)).sort();
  const first = range.start ? dayPath(range.start) : known[0];
  const last = dayPath(range.end ?? now);
  const total = totalOf(tallies);
  const fileCount = tallies.reduce((n, t) => n + logFilesOf(t).files, 0);
  if (fileCount === 0 || !first) {
    return checkResult(
      "log-files",
      "failure",
      `No CloudTrail log files in the range (${first ?? "start"} to ${last}) in ${plural(tallies.length, "Region folder")} under ${s3Uri}.`,
      {
        fix: {
          text: "Check the time range (UTC) and the S3 URI; the day folders show which days have logs.",
        },
      },
    );
  }
  const gaps = tallies.map((t) => ({ tally: t, days: emptyDays(t, first, last) }));
  const details = gaps.map(({ tally, days }) => ({
    label: label(tally),
    value: `${plural(logFilesOf(tally).files, "file")}, ${formatBytes(logFilesOf(tally).bytes)}${days.length ? `; no files on ${listSome(days.map(dashed))}` : ""}`,
  }));
  const truncated = discoveryTruncated || tallies.some((t) => t.truncated);
  const summary = `${plural(fileCount, "log file")} (${formatBytes(total.bytes)} readable) in ${plural(tallies.length, "Region folder")} from ${dashed(first)} to ${dashed(last)}.`;
  const withGaps = gaps.filter((g) => g.days.length > 0);
  if (withGaps.length > 0) {
    const worst = withGaps.reduce((a, b) => (b.days.length > a.days.length ? b : a));
    return checkResult(
      "log-files",
      "warning",
      `${summary} ${plural(withGaps.length, "Region")} ${withGaps.length === 1 ? "has" : "have"} days without log files, for example ${label(worst.tally)} on ${listSome(worst.days.map((d) => dashed(d)))}; events from those days won't be imported.`,
      {
        fix: {
          text: "If those days should have logs, check whether the trail was logging then, or whether the files were moved or expired by a lifecycle rule.",
        },
        details,
      },
    );
  }
  if (truncated) {
    return checkResult(
      "log-files",
      "warning",
      `${summary} Listing stopped at its limit, so there are more files than counted.`,
      { details },
    );
  }
  return checkResult("log-files", "pass", `${summary} Every day has files.`, { details });
}

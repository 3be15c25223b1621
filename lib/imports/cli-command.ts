// The `aws cloudtrail start-import` command equivalent to the wizard's choices, so people can
// script or review the exact call. Pure: safe in client and server code.

/** What the command needs; times are ISO-8601 instants (UTC) or absent. */
export interface StartImportCommandInput {
  region: string;
  destination: string;
  s3Uri: string;
  bucketRegion: string;
  roleArn: string;
  startTime?: string;
  endTime?: string;
}

// Characters a POSIX shell never treats specially inside a word.
const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

/**
 * Quotes `value` for a POSIX shell (bash, zsh, sh): unchanged when it is plainly safe, otherwise
 * in single quotes, with each embedded `'` written as `'\''`.
 */
export function shellQuote(value: string): string {
  if (value !== "" && SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The multi-line `aws cloudtrail start-import …` command. `--import-source` is passed as JSON
 * (the CLI's shorthand syntax would need its own escaping for commas and braces in values).
 */
export function buildStartImportCommand(input: StartImportCommandInput): string {
  const importSource = JSON.stringify({
    S3: {
      S3LocationUri: input.s3Uri,
      S3BucketRegion: input.bucketRegion,
      S3BucketAccessRoleArn: input.roleArn,
    },
  });
  const args: [string, string][] = [
    ["--region", input.region],
    ["--destinations", input.destination],
    ["--import-source", importSource],
  ];
  if (input.startTime) args.push(["--start-event-time", input.startTime]);
  if (input.endTime) args.push(["--end-event-time", input.endTime]);
  const lines = [
    "aws cloudtrail start-import",
    ...args.map(([flag, value]) => `  ${flag} ${shellQuote(value)}`),
  ];
  return lines.join(" \\\n");
}

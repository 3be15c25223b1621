// A bounded, in-memory log of the calls the Lake served, for tests and the demo ("who called
// what as whom"). GET /_admin/calls returns it oldest first.

export type CallLogEntry = {
  time: string;
  service: "cloudtrail" | "sts" | "s3" | "iam" | "organizations";
  operation: string;
  accessKeyId: string | null;
  principal: string | null;
  region: string;
  status: number;
  error: string | null;
  requestId: string;
};

const MAX_ENTRIES = 5_000;

export class CallLog {
  private entries: CallLogEntry[] = [];

  add(entry: CallLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): readonly CallLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

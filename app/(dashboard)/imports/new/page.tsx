import type { Metadata } from "next";

export const metadata: Metadata = { title: "New import" };

export default function NewImportPage() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight">New import</h1>
      <p className="text-muted-foreground">
        Choose an event data store, the S3 location of your trail logs, the role CloudTrail uses to read
        them, and the time range to copy.
      </p>
    </div>
  );
}

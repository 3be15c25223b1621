import type { Metadata } from "next";

export const metadata: Metadata = { title: "Imports" };

export default function ImportsPage() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight">Imports</h1>
      <p className="text-muted-foreground">
        Copies of CloudTrail logs from S3 into CloudTrail Lake event data stores, across every configured Region.
      </p>
    </div>
  );
}

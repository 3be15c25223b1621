"use client";

import { AlertTriangleIcon } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { NotifyToggle } from "@/components/notifications/notify-toggle";
import { useEmbedEvent } from "@/lib/hooks/use-embed-event";
import { useEndNotification, useNotificationOptIn } from "@/lib/hooks/use-end-notification";
import { useImportActionMutation, useImportQuery } from "@/lib/hooks/use-import";
import { explainStatus, isTerminalStatus } from "@/lib/imports/status";
import { ImportActions } from "./import-actions";
import { ImportFailures } from "./import-failures";
import { ImportProgress } from "./import-progress";
import { ImportStatisticsList } from "./import-statistics";
import { StatusBadge } from "./status-badge";
import { UtcTime } from "./utc-time";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      {/* ARNs and S3 URIs break where they must; dates and sentences keep their words. */}
      <dd className="text-sm wrap-anywhere">{children}</dd>
    </div>
  );
}

/**
 * The live part of an import's page: status with its explanation and actions, progress and
 * statistics, source/destination details and failures. Polls while the import runs; status
 * changes are announced to screen readers and shown as a toast.
 */
export function ImportDetail({
  importId,
  region,
  canAct,
}: {
  importId: string;
  region: string;
  canAct: boolean;
}) {
  const { data, error, isFetching } = useImportQuery(importId, region);
  const mutation = useImportActionMutation(importId, region);
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef<string | undefined>(undefined);
  const status = data?.import.status;
  // A framing portal hears about every status this page shows (sent only to allowed origins).
  useEmbedEvent(status ? { type: "import-status", importId, status } : null);
  const optIn = useNotificationOptIn();
  useEndNotification({
    enabled: optIn.state === "on",
    ended: status ? isTerminalStatus(status) : undefined,
    title: status ? `Import ${explainStatus(status).label.toLowerCase()}` : "Import ended",
    body: `Import ${importId} in ${region}`,
    tag: `import-${importId}`,
  });

  useEffect(() => {
    if (!status) return;
    if (previous.current && previous.current !== status) {
      const text = `Import status changed to ${explainStatus(status).label}.`;
      setAnnouncement(text);
      // The action's own toast already covers the change its optimistic update made.
      if (!mutation.isPending) toast.info(text);
    }
    previous.current = status;
  }, [status, mutation.isPending]);

  if (!data && !error) {
    // Only when the server could not seed the page (a transient CloudTrail failure).
    return (
      <p role="status" className="text-muted-foreground text-sm">
        Loading the import from CloudTrail…
      </p>
    );
  }
  if (!data) {
    return (
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden />
        <AlertTitle>The import could not be loaded</AlertTitle>
        <AlertDescription>{error?.message ?? "Try reloading the page."}</AlertDescription>
      </Alert>
    );
  }
  const details = data.import;
  const explanation = explainStatus(details.status);
  const running = !isTerminalStatus(details.status);

  return (
    <div className="flex flex-col gap-6">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {error ? (
        <Alert variant="warning" role="status">
          <AlertTriangleIcon aria-hidden />
          <AlertTitle>Live updates are having trouble</AlertTitle>
          <AlertDescription>{error.message} The page keeps trying, less often.</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 className="flex items-center gap-3 text-lg">
              Status <StatusBadge status={details.status} />
            </h2>
          </CardTitle>
          <CardDescription>{explanation.description}</CardDescription>
          {running ? <NotifyToggle what="this import" /> : null}
          {canAct ? (
            <CardAction>
              <ImportActions importId={importId} status={details.status} mutation={mutation} />
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ImportProgress
            statistics={details.statistics}
            status={details.status}
            label="Import progress"
          />
          <ImportStatisticsList statistics={details.statistics} />
          <p className="text-muted-foreground text-xs">
            Last updated <UtcTime iso={details.updatedAt} seconds />. CloudTrail updates these
            statistics in steps, so they can lag behind the real progress
            {running ? "; this page refreshes them while the import runs" : ""}.
            {isFetching ? <span className="sr-only"> Refreshing.</span> : null}
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 className="text-lg">Details</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Field label="Source">
              <span className="font-mono">{details.source?.s3Uri ?? "—"}</span>
            </Field>
            <Field label="Bucket Region">{details.source?.bucketRegion ?? "—"}</Field>
            <Field label="S3 access role">
              <span className="font-mono">{details.source?.roleArn ?? "—"}</span>
            </Field>
            <Field label="Destination">
              {data.storeName ?? "—"}
              <span className="text-muted-foreground block font-mono text-xs">
                {details.destinations[0] ?? "—"}
              </span>
            </Field>
            <Field label="Event time range (UTC)">
              <UtcTime iso={details.startEventTime} seconds /> to{" "}
              <UtcTime iso={details.endEventTime} seconds />
              <span className="text-muted-foreground block text-xs">
                CloudTrail picks files by the delivery time in their names, so the edges are
                approximate.
              </span>
            </Field>
            <Field label="Region">{details.region}</Field>
            <Field label="Created">
              <UtcTime iso={details.createdAt} seconds />
            </Field>
            <Field label="Updated">
              <UtcTime iso={details.updatedAt} seconds />
            </Field>
          </dl>
        </CardContent>
      </Card>
      <ImportFailures importId={importId} region={region} status={details.status} />
    </div>
  );
}

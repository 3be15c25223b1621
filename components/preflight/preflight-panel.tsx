"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { usePreflight } from "@/lib/hooks/use-preflight";
import { EstimateCard } from "./estimate-card";
import { PreflightChecklist } from "./preflight-checklist";

/**
 * A step's preflight as it stands: nothing until the step's fields are valid, then "running",
 * the checklist (and on review the estimate), or why the checks couldn't run with a retry.
 */
export function PreflightPanel({
  preflight,
  waitingText,
}: {
  preflight: ReturnType<typeof usePreflight>;
  /** Shown while the step's fields aren't valid yet; omit to show nothing. */
  waitingText?: string;
}) {
  const { data, error, pending, enabled, refetch } = preflight;
  return (
    <div className="flex flex-col gap-4 rounded-md border p-4" data-testid="preflight-panel">
      <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm">
        {pending ? (
          <>
            <Spinner aria-hidden />
            Running the checks…
          </>
        ) : !enabled ? (
          (waitingText ?? "")
        ) : null}
      </p>
      {error && !pending ? (
        <Alert variant="warning">
          <AlertTitle>The checks couldn&apos;t run</AlertTitle>
          <AlertDescription>
            <p>{error.message}</p>
            <Button type="button" variant="outline" size="sm" onClick={() => void refetch()}>
              Run the checks again
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      {data && enabled ? (
        <PreflightChecklist checks={data.checks} summary={data.summary} headingLevel={3} />
      ) : null}
      {data?.estimate && enabled && !pending ? <EstimateCard estimate={data.estimate} /> : null}
    </div>
  );
}

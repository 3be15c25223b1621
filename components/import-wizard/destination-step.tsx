"use client";

import { RefreshCwIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useFormContext } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import { StoreOption } from "./store-option";
import type { WizardStore } from "./store-text";

export interface StoresLoad {
  stores: WizardStore[];
  /** A sentence when the whole listing failed. */
  error?: string;
  /** Regions or stores that could not be read, in words. */
  problems: string[];
}

/** Step 1: choose the event data store from every configured Region, or type its ARN. */
export function DestinationStep({
  load,
  mode,
  onModeChange,
}: {
  load: StoresLoad;
  mode: "list" | "manual";
  onModeChange: (mode: "list" | "manual") => void;
}) {
  // Only the destination field: the new-plan form reuses this step with its own values.
  const { register, formState } = useFormContext<Pick<WizardValues, "destination">>();
  const [query, setQuery] = useState("");
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // With nothing to choose from because the listing failed, typing the ARN is the only way on.
  const listFailed = Boolean(load.error) || (load.stores.length === 0 && load.problems.length > 0);
  const effectiveMode = listFailed ? "manual" : mode;
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return load.stores;
    return load.stores.filter((s) =>
      [s.name ?? "", s.arn, s.region].some((text) => text.toLowerCase().includes(q)),
    );
  }, [load.stores, query]);
  const error = formState.errors.destination;

  return (
    <div className="space-y-4">
      {load.error || load.problems.length > 0 ? (
        <Alert variant={load.error ? "destructive" : "warning"}>
          <AlertTitle>
            {load.error
              ? "The event data stores couldn't be loaded"
              : "Some stores couldn't be read"}
          </AlertTitle>
          <AlertDescription>
            {load.error ? <p>{load.error}</p> : null}
            {load.problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
            <p>Your choices so far are kept. Try again, or enter the store&apos;s ARN yourself.</p>
            <Button
              type="button"
              variant="outline"
              size="sm"
              loading={refreshing}
              onClick={() => startRefresh(() => router.refresh())}
            >
              <RefreshCwIcon aria-hidden />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      {effectiveMode === "list" ? (
        <>
          <div className="max-w-md space-y-2">
            <Label htmlFor="store-filter">Filter stores</Label>
            <Input
              id="store-filter"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Name, ARN or Region"
              autoComplete="off"
            />
          </div>
          <fieldset aria-describedby="destination-error" className="space-y-2">
            <legend className="mb-2 text-sm font-medium">Event data store</legend>
            <p className="text-muted-foreground text-sm" aria-live="polite">
              {visible.length === load.stores.length
                ? `${load.stores.length} stores`
                : `${visible.length} of ${load.stores.length} stores match`}
            </p>
            <ul className="space-y-2">
              {visible.map((store) => (
                <li key={store.arn}>
                  <StoreOption store={store} registration={register("destination")} />
                </li>
              ))}
            </ul>
            <div
              id="destination-error"
              aria-live="polite"
              className="text-destructive text-sm empty:sr-only"
            >
              {error?.message}
            </div>
          </fieldset>
          <Button
            type="button"
            variant="link"
            className="px-0"
            onClick={() => onModeChange("manual")}
          >
            Enter an event data store ARN instead
          </Button>
        </>
      ) : (
        <>
          <Field invalid={Boolean(error)}>
            <FieldLabel>Event data store ARN</FieldLabel>
            <FieldControl>
              <Input
                {...register("destination")}
                autoComplete="off"
                spellCheck={false}
                placeholder="arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/…"
              />
            </FieldControl>
            <FieldDescription>
              The store&apos;s full ARN, as shown in the CloudTrail console under Lake → Event data
              stores. The import starts in the store&apos;s Region.
            </FieldDescription>
            <FieldError errors={[error]} />
          </Field>
          {listFailed ? null : (
            <Button
              type="button"
              variant="link"
              className="px-0"
              onClick={() => onModeChange("list")}
            >
              Choose from the list of stores instead
            </Button>
          )}
        </>
      )}
    </div>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
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
import { RELATIVE_PRESETS, relativeRange, retentionCutoff } from "@/lib/imports/wizard-draft";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import type { WizardStore } from "./store-text";

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Step 4: an optional time range, typed in UTC or picked from presets. */
export function DatesStep({ store }: { store: WizardStore | undefined }) {
  const { register, control, formState, setValue } = useFormContext<WizardValues>();
  const startTime = useWatch({ control, name: "startTime" });
  const cutoff = retentionCutoff(startTime, store?.retentionPeriodDays);

  function apply(range: { startTime: string; endTime: string }) {
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue("startTime", range.startTime, options);
    setValue("endTime", range.endTime, options);
  }

  return (
    <div className="space-y-6">
      <p className="text-sm">
        Both ends are optional: without a start CloudTrail reads from the oldest log file, without
        an end up to the newest. All times are UTC.
      </p>
      <div role="group" aria-label="Quick ranges" className="flex flex-wrap gap-2">
        {RELATIVE_PRESETS.map((preset) => (
          <Button
            key={preset.days}
            type="button"
            variant="outline"
            size="sm"
            onClick={() => apply(relativeRange(preset.days))}
          >
            {preset.label}
          </Button>
        ))}
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => apply({ startTime: "", endTime: "" })}
        >
          All log files (no range)
        </Button>
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field invalid={Boolean(formState.errors.startTime)}>
          <FieldLabel>Start (UTC)</FieldLabel>
          <FieldControl>
            <Input {...register("startTime")} type="datetime-local" step={60} />
          </FieldControl>
          <FieldDescription>Optional. Read as UTC, not your local time.</FieldDescription>
          <FieldError errors={[formState.errors.startTime]} />
        </Field>
        <Field invalid={Boolean(formState.errors.endTime)}>
          <FieldLabel>End (UTC)</FieldLabel>
          <FieldControl>
            <Input {...register("endTime")} type="datetime-local" step={60} />
          </FieldControl>
          <FieldDescription>
            Optional. On or after the start, and not in the future.
          </FieldDescription>
          <FieldError errors={[formState.errors.endTime]} />
        </Field>
      </div>
      {cutoff ? (
        <Alert variant="warning" role="status">
          <AlertTitle>The start is older than the store keeps events</AlertTitle>
          <AlertDescription>
            <p>
              {store?.name ?? "The store"} keeps events for {store?.retentionPeriodDays} days, so
              events from before {utc(cutoff)} won&apos;t be copied.
            </p>
          </AlertDescription>
        </Alert>
      ) : null}
      <Alert role="note">
        <AlertTitle>The edges of the range are approximate</AlertTitle>
        <AlertDescription>
          <p>
            CloudTrail filters by the dates in the S3 prefixes and log file names, not by each
            event&apos;s time. A file is named after its delivery time and can hold events from a
            few minutes earlier, so events near the start or end may be included or left out.
            Importing a period the store already ingested creates duplicate events.
          </p>
        </AlertDescription>
      </Alert>
    </div>
  );
}

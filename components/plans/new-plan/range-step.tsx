"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RANGE_PRESETS, lastPlannableDay, presetRange } from "@/lib/plans/plan-draft";
import { countChunks, splitRange } from "@/lib/plans/ranges";
import {
  CHUNK_SIZES,
  type ChunkSize,
  MAX_RETRIES_LIMIT,
  type PlanDraftFormValues,
  sourcePrefixes,
} from "@/lib/schemas/plan";

const CHUNK_LABELS: Record<ChunkSize, string> = {
  day: "Day",
  week: "Week (Monday to Sunday)",
  month: "Calendar month",
  whole: "Whole range (one import per prefix)",
};

/** The live chunk count: windows × prefixes, from whatever the form holds right now. */
export function ChunkCount() {
  const { control } = useFormContext<PlanDraftFormValues>();
  const [range, chunkSize, sources] = useWatch({
    control,
    name: ["range", "chunkSize", "sources"],
  });
  const usable = sources.filter((s) => s.s3Uri.trim().startsWith("s3://"));
  const windows = splitRange(range, chunkSize).length;
  const prefixes = usable.reduce((sum, s) => sum + sourcePrefixes(s).length, 0);
  const total = countChunks({ range, chunkSize, sources: usable });
  return (
    <p aria-live="polite" className="rounded-md border p-3 text-sm">
      {windows === 0
        ? "Choose a valid range to see how many imports this plan makes."
        : `${total} ${total === 1 ? "chunk" : "chunks"}: ${windows} ${windows === 1 ? "window" : "windows"} × ${prefixes} S3 ${prefixes === 1 ? "prefix" : "prefixes"}. Each chunk is one import, run one at a time.`}
    </p>
  );
}

/** Step 3: whole UTC days, presets, the chunk size with the count it gives, and retries. */
export function RangeStep() {
  const { register, setValue, formState } = useFormContext<PlanDraftFormValues>();
  const errors = formState.errors;
  const latest = lastPlannableDay(new Date());

  function apply(id: (typeof RANGE_PRESETS)[number]["id"]) {
    const range = presetRange(id, new Date());
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue("range.from", range.from, options);
    setValue("range.to", range.to, options);
  }

  return (
    <div className="space-y-6">
      <p className="text-sm">
        Whole days in UTC, both ends included, ending yesterday at the latest ({latest}):
        today&apos;s logs are still being delivered.
      </p>
      <div role="group" aria-label="Quick ranges" className="flex flex-wrap gap-2">
        {RANGE_PRESETS.map((preset) => (
          <Button
            key={preset.id}
            type="button"
            variant="outline"
            size="sm"
            onClick={() => apply(preset.id)}
          >
            {preset.label}
          </Button>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field invalid={Boolean(errors.range?.from)}>
          <FieldLabel>First day (UTC)</FieldLabel>
          <FieldControl>
            <Input type="date" max={latest} {...register("range.from")} />
          </FieldControl>
          <FieldError errors={[errors.range?.from]} />
        </Field>
        <Field invalid={Boolean(errors.range?.to)}>
          <FieldLabel>Last day (UTC)</FieldLabel>
          <FieldControl>
            <Input type="date" max={latest} {...register("range.to")} />
          </FieldControl>
          <FieldError errors={[errors.range?.to]} />
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby="chunk-size-error">
        <legend className="text-sm font-medium">Chunk size</legend>
        <p className="text-muted-foreground text-sm">
          Smaller chunks retry less work when one fails; calendar windows line up with the coverage
          timeline.
        </p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {CHUNK_SIZES.map((size) => (
            <label key={size} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                value={size}
                {...register("chunkSize")}
                className="accent-primary size-4"
              />
              {CHUNK_LABELS[size]}
            </label>
          ))}
        </div>
        <p id="chunk-size-error" className="text-destructive text-sm empty:hidden" role="alert">
          {errors.chunkSize?.message ?? ""}
        </p>
      </fieldset>
      <ChunkCount />
      <Field invalid={Boolean(errors.maxRetries)}>
        <FieldLabel>Retries per chunk</FieldLabel>
        <FieldControl>
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_RETRIES_LIMIT}
            className="max-w-32"
            {...register("maxRetries")}
          />
        </FieldControl>
        <FieldDescription>
          After the first attempt, for failures that look temporary (throttling, timeouts). 0 to{" "}
          {MAX_RETRIES_LIMIT}.
        </FieldDescription>
        <FieldError errors={[errors.maxRetries]} />
      </Field>
    </div>
  );
}

"use client";

import { PlusIcon } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { emptySource } from "@/lib/plans/plan-draft";
import { MAX_SOURCES, type PlanDraftFormValues } from "@/lib/schemas/plan";
import { SourceFields } from "./source-fields";

/** Step 2: one or more S3 sources, each with its Region and role. */
export function SourcesStep() {
  const { control, formState } = useFormContext<PlanDraftFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "sources" });
  const listError = formState.errors.sources?.message ?? formState.errors.sources?.root?.message;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Each source is read for every window of the range. Two sources may not read the same prefix:
        every event would be imported twice.
      </p>
      {fields.map((field, index) => (
        <SourceFields
          key={field.id}
          index={index}
          onRemove={fields.length > 1 ? () => remove(index) : undefined}
        />
      ))}
      <p className="text-destructive text-sm empty:hidden" role="alert">
        {listError ?? ""}
      </p>
      {fields.length < MAX_SOURCES ? (
        <Button type="button" variant="outline" onClick={() => append(emptySource())}>
          <PlusIcon aria-hidden />
          Add a source
        </Button>
      ) : null}
    </div>
  );
}

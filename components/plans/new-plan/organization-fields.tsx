"use client";

import { useState } from "react";
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
import { Textarea } from "@/components/ui/textarea";
import { accountIdsIn } from "@/lib/plans/plan-draft";
import { type PlanDraftFormValues, sourcePrefixes } from "@/lib/schemas/plan";

/**
 * An organisation trail's id and accounts: ids are typed or pasted, then ticked; each ticked
 * account becomes one prefix, listed below so the person sees exactly what will be read.
 */
export function OrganizationFields({ index }: { index: number }) {
  const { register, control, setValue, formState } = useFormContext<PlanDraftFormValues>();
  const source = useWatch({ control, name: `sources.${index}` });
  const ticked = source.organization?.accountIds ?? [];
  // Unticked accounts stay offered while the page is open; only the ticked ones are the draft.
  const [offered, setOffered] = useState<string[]>(ticked);
  const [pasted, setPasted] = useState("");
  const errors = formState.errors.sources?.[index]?.organization;
  const all = [...new Set([...offered, ...ticked])];
  const idBase = `sources-${index}-accounts`;

  function setTicked(next: string[]) {
    setValue(`sources.${index}.organization.accountIds`, next, {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });
  }

  function add() {
    const found = accountIdsIn(pasted);
    setOffered([...new Set([...all, ...found])]);
    setTicked([...new Set([...ticked, ...found])]);
    setPasted("");
  }

  const prefixes =
    source.s3Uri.startsWith("s3://") && source.organization
      ? sourcePrefixes({ ...source, organization: { ...source.organization, accountIds: ticked } })
      : [];

  return (
    <div className="space-y-4 rounded-md border p-4">
      <Field invalid={Boolean(errors?.organizationId)}>
        <FieldLabel>Organization ID</FieldLabel>
        <FieldControl>
          <Input
            {...register(`sources.${index}.organization.organizationId`)}
            autoComplete="off"
            spellCheck={false}
            placeholder="o-a1b2c3d4e5"
            className="max-w-xs"
          />
        </FieldControl>
        <FieldError errors={[errors?.organizationId]} />
      </Field>
      <Field>
        <FieldLabel>Account IDs to add</FieldLabel>
        <FieldControl>
          <Textarea
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={2}
            placeholder="111122223333, 444455556666"
          />
        </FieldControl>
        <FieldDescription>
          Type or paste account IDs in any layout; every 12-digit number is added and ticked.
        </FieldDescription>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={add}>
            Add accounts
          </Button>
        </div>
      </Field>
      <fieldset className="space-y-2" aria-describedby={`${idBase}-error`}>
        <legend className="text-sm font-medium">
          Accounts to import ({ticked.length} of {all.length} ticked)
        </legend>
        {all.length === 0 ? (
          <p className="text-muted-foreground text-sm">No accounts added yet.</p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {all.map((id) => (
              <li key={id}>
                <label className="flex items-center gap-2 font-mono text-sm">
                  <input
                    type="checkbox"
                    className="accent-primary size-4"
                    checked={ticked.includes(id)}
                    onChange={(e) =>
                      setTicked(e.target.checked ? [...ticked, id] : ticked.filter((t) => t !== id))
                    }
                  />
                  {id}
                </label>
              </li>
            ))}
          </ul>
        )}
        <p id={`${idBase}-error`} className="text-destructive text-sm empty:hidden" role="alert">
          {errors?.accountIds?.message ?? errors?.accountIds?.root?.message ?? ""}
        </p>
      </fieldset>
      {prefixes.length > 0 ? (
        <div className="space-y-1 text-sm">
          <p className="font-medium">Prefixes this source reads</p>
          <ul className="text-muted-foreground space-y-0.5 font-mono text-xs break-all">
            {prefixes.map((p) => (
              <li key={p.s3Uri}>{p.s3Uri}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

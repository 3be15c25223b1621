"use client";

import { Trash2Icon } from "lucide-react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { BucketRegionSelect } from "@/components/import-wizard/bucket-region-select";
import { ScanExplanation } from "@/components/import-wizard/source-step";
import { Button } from "@/components/ui/button";
import {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PlanDraftFormValues } from "@/lib/schemas/plan";
import { OrganizationFields } from "./organization-fields";

/** One source of a plan: where the logs are, the bucket's Region, the role, and organisation accounts. */
export function SourceFields({
  index,
  onRemove,
}: {
  index: number;
  onRemove: (() => void) | undefined;
}) {
  const { register, control, setValue, formState } = useFormContext<PlanDraftFormValues>();
  const [s3Uri, organization] = useWatch({
    control,
    name: [`sources.${index}.s3Uri`, `sources.${index}.organization`],
  });
  const errors = formState.errors.sources?.[index];
  const isOrganization = organization !== undefined;

  return (
    <fieldset className="relative rounded-lg border p-4">
      {/* First child, so it names the group; floated so it sits inside the border. */}
      <legend className="float-left py-1 font-medium">Source {index + 1}</legend>
      {onRemove ? (
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={onRemove}
          className="absolute top-3 right-3"
        >
          <Trash2Icon aria-hidden />
          Remove source {index + 1}
        </Button>
      ) : null}
      <div className="clear-both space-y-4 pt-3">
        <Field invalid={Boolean(errors?.s3Uri)}>
          <FieldLabel>S3 URI of the trail logs</FieldLabel>
          <FieldControl>
            <Input
              {...register(`sources.${index}.s3Uri`)}
              autoComplete="off"
              spellCheck={false}
              placeholder={
                isOrganization
                  ? "s3://org-trail-bucket/"
                  : "s3://my-trail-bucket/AWSLogs/111122223333/CloudTrail/"
              }
            />
          </FieldControl>
          <FieldDescription>
            {isOrganization
              ? "The organisation trail's bucket and prefix above AWSLogs/; one prefix per ticked account is built from it."
              : "Usually s3://bucket/AWSLogs/<account-id>/CloudTrail/."}
          </FieldDescription>
          <FieldError errors={[errors?.s3Uri]} />
          {isOrganization ? null : <ScanExplanation s3Uri={s3Uri} />}
        </Field>
        <Controller
          control={control}
          name={`sources.${index}.bucketRegion`}
          render={({ field, fieldState }) => (
            <Field invalid={Boolean(fieldState.error)}>
              <FieldLabel>Bucket Region</FieldLabel>
              <BucketRegionSelect {...field} />
              <FieldError errors={[fieldState.error]} />
            </Field>
          )}
        />
        <Field invalid={Boolean(errors?.roleArn)}>
          <FieldLabel>Access role ARN</FieldLabel>
          <FieldControl>
            <Input
              {...register(`sources.${index}.roleArn`)}
              autoComplete="off"
              spellCheck={false}
              placeholder="arn:aws:iam::111122223333:role/CloudTrailImport"
            />
          </FieldControl>
          <FieldDescription>
            The role CloudTrail assumes to read this bucket, as for a single import.
          </FieldDescription>
          <FieldError errors={[errors?.roleArn]} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="accent-primary size-4"
            checked={isOrganization}
            onChange={(e) =>
              setValue(
                `sources.${index}.organization`,
                e.target.checked ? { organizationId: "", accountIds: [] } : undefined,
                { shouldDirty: true },
              )
            }
          />
          This is an organisation trail (one prefix per member account)
        </label>
        {isOrganization ? <OrganizationFields index={index} /> : null}
      </div>
    </fieldset>
  );
}

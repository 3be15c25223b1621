"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { splitS3Uri } from "@/lib/imports/policies";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import { BucketRegionSelect } from "./bucket-region-select";
import { useAllowedChoices } from "./allowed-choices";

/** Where CloudTrail will look, in words, so the default `CloudTrail` prefix rule is visible in place. */
export function ScanExplanation({ s3Uri }: { s3Uri: string }) {
  const { bucket, prefix } = splitS3Uri(s3Uri.trim());
  if (!s3Uri.trim().startsWith("s3://") || !bucket) return null;
  const segments = prefix.split("/");
  const namesCloudTrail = segments.includes("CloudTrail");
  return (
    <p className="text-sm" aria-live="polite">
      {prefix === "" || !namesCloudTrail
        ? `CloudTrail will read only the CloudTrail prefixes it finds under s3://${bucket}/${prefix ? `${prefix}/` : ""}; log files under any other prefix are skipped.`
        : `CloudTrail will read the log files under s3://${bucket}/${prefix}/.`}
    </p>
  );
}

/** Step 2: the S3 location of the trail logs and the bucket's Region. */
export function SourceStep() {
  const { register, control, formState } = useFormContext<WizardValues>();
  const s3Uri = useWatch({ control, name: "s3Uri" });
  const allowed = useAllowedChoices("bucket");
  return (
    <div className="space-y-6">
      <Field invalid={Boolean(formState.errors.s3Uri)}>
        <FieldLabel>S3 URI of the trail logs</FieldLabel>
        <FieldControl>
          <Input
            {...register("s3Uri")}
            list={allowed.listId}
            autoComplete="off"
            spellCheck={false}
            placeholder="s3://my-trail-bucket/AWSLogs/111122223333/CloudTrail/"
          />
        </FieldControl>
        <FieldDescription>
          Format <code>s3://bucket[/prefix]</code>. By default CloudTrail reads only the{" "}
          <code>CloudTrail</code> prefix and the prefixes under it (for example{" "}
          <code>s3://bucket/AWSLogs/&lt;account-id&gt;/CloudTrail/</code>); events under any other
          prefix are imported only if the URI names that prefix. Only gzip-compressed CloudTrail log
          files are copied.
        </FieldDescription>
        {allowed.hint}
        <FieldError errors={[formState.errors.s3Uri]} />
        <ScanExplanation s3Uri={s3Uri} />
      </Field>

      <Controller
        control={control}
        name="bucketRegion"
        render={({ field, fieldState }) => (
          <Field invalid={Boolean(fieldState.error)}>
            <FieldLabel>Bucket Region</FieldLabel>
            <BucketRegionSelect {...field} />
            <FieldDescription>
              The Region the S3 bucket lives in. It may differ from the event data store&apos;s
              Region.
            </FieldDescription>
            <FieldError errors={[fieldState.error]} />
          </Field>
        )}
      />
    </div>
  );
}

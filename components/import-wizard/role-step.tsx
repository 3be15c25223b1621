"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { CodeBlock } from "@/components/ui/code-block";
import {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { generateImportPolicies } from "@/lib/imports/policies";
import type { WizardValues } from "@/lib/schemas/import-wizard";
import { useAllowedChoices } from "./allowed-choices";
import type { WizardStore } from "./store-text";

export interface KmsChoice {
  sourceUsesKms: boolean;
  sourceKmsKeyArn: string;
}

/** Step 3: the S3 access role, with the policies it needs generated from the choices so far. */
export function RoleStep({
  store,
  kms,
  onKmsChange,
}: {
  store: WizardStore | undefined;
  kms: KmsChoice;
  onKmsChange: (kms: KmsChoice) => void;
}) {
  const { register, control, formState } = useFormContext<WizardValues>();
  const allowed = useAllowedChoices("role");
  const [destination, s3Uri, roleArn] = useWatch({
    control,
    name: ["destination", "s3Uri", "roleArn"],
  });
  const kmsKeyArn = kms.sourceUsesKms
    ? kms.sourceKmsKeyArn.trim() || "<kms-key-arn>"
    : store?.kmsKeyId;
  const policies = useMemo(
    () =>
      generateImportPolicies({
        storeArn: destination.trim(),
        s3Uri: s3Uri.trim(),
        roleArn: roleArn.trim(),
        ...(kmsKeyArn ? { kmsKeyArn } : {}),
      }),
    [destination, s3Uri, roleArn, kmsKeyArn],
  );

  return (
    <div className="space-y-6">
      <Field invalid={Boolean(formState.errors.roleArn)}>
        <FieldLabel>S3 access role ARN</FieldLabel>
        <FieldControl>
          <Input
            {...register("roleArn")}
            list={allowed.listId}
            autoComplete="off"
            spellCheck={false}
            placeholder="arn:aws:iam::111122223333:role/CloudTrailLakeImport"
          />
        </FieldControl>
        <FieldDescription>
          CloudTrail assumes this IAM role to read the bucket. Give it the trust and permissions
          policies below. Starting the import also needs <code>iam:PassRole</code> on this role for
          your own AWS identity.
        </FieldDescription>
        {allowed.hint}
        <FieldError errors={[formState.errors.roleArn]} />
      </Field>

      <div className="space-y-3">
        <div className="flex items-center gap-2">
          <input
            id="source-uses-kms"
            type="checkbox"
            className="accent-primary size-4"
            checked={kms.sourceUsesKms}
            onChange={(e) => onKmsChange({ ...kms, sourceUsesKms: e.target.checked })}
          />
          <Label htmlFor="source-uses-kms">
            The log files are encrypted with a KMS key (SSE-KMS)
          </Label>
        </div>
        {kms.sourceUsesKms ? (
          <div className="max-w-xl space-y-2">
            <Label htmlFor="source-kms-key">
              KMS key ARN of the log files (optional, for the policies)
            </Label>
            <Input
              id="source-kms-key"
              value={kms.sourceKmsKeyArn}
              onChange={(e) => onKmsChange({ ...kms, sourceKmsKeyArn: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              placeholder="arn:aws:kms:us-east-1:111122223333:key/…"
            />
          </div>
        ) : null}
        {!kms.sourceUsesKms && store?.kmsKeyId ? (
          <p className="text-sm">
            The destination store is encrypted with KMS key {store.kmsKeyId}, so the KMS statements
            below name it.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="policies-heading" className="space-y-4">
        <h3 id="policies-heading" className="font-medium">
          Policies for this import
        </h3>
        <PolicyBlock
          title="Trust policy"
          note="Attach to the role as its trust relationship."
          code={policies.trustPolicy}
        />
        <PolicyBlock
          title="Permissions policy"
          note="Attach to the role (inline or as a managed policy)."
          code={policies.permissionsPolicy}
        />
        <PolicyBlock
          title="Bucket policy statement"
          note="Add to the bucket policy. Needed when the bucket is in another account; harmless otherwise."
          code={policies.bucketPolicyStatement}
        />
        {policies.kmsKeyPolicyStatement ? (
          <PolicyBlock
            title="KMS key policy statement"
            note="Add to the key policy of every KMS key that encrypted the log files. Missing KMS or bucket permissions fail the start with an encryption-policy error."
            code={policies.kmsKeyPolicyStatement}
          />
        ) : null}
      </section>
    </div>
  );
}

function PolicyBlock({ title, note, code }: { title: string; note: string; code: string }) {
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-medium">{title}</h4>
      <p className="text-muted-foreground text-sm">{note}</p>
      <CodeBlock code={code} label={`${title} JSON`} className="max-h-80" />
    </div>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { WizardStore } from "@/components/import-wizard/store-text";
import { type PlanDraftFormValues, type PlanSourceInput, sourcePrefixes } from "@/lib/schemas/plan";
import { AWS_REGIONS } from "@/lib/schemas/import";
import { PlanPreflightSlot } from "./plan-preflight-slot";
import { ChunkCount } from "./range-step";

function regionName(code: string): string {
  const name = AWS_REGIONS.find((r) => r.code === code)?.name;
  return name ? `${name} (${code})` : code;
}

/** Step 4: everything the plan will do, in words, before it is created. */
export function PlanReviewStep({ store }: { store: WizardStore | undefined }) {
  const { control } = useFormContext<PlanDraftFormValues>();
  const values = useWatch({ control });
  const sources: PlanSourceInput[] = (values.sources ?? []).map((s) => ({
    s3Uri: s?.s3Uri ?? "",
    bucketRegion: s?.bucketRegion ?? "",
    roleArn: s?.roleArn ?? "",
    ...(s?.organization
      ? {
          organization: {
            organizationId: s.organization.organizationId ?? "",
            accountIds: (s.organization.accountIds ?? []).filter((id) => id !== undefined),
          },
        }
      : {}),
  }));
  return (
    <div className="space-y-6">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Destination</dt>
        <dd className="break-all">
          {store?.name ? `${store.name} · ` : ""}
          <span className="font-mono text-xs">{values.destination}</span>
        </dd>
        <dt className="font-medium">Range (UTC)</dt>
        <dd>
          {values.range?.from} to {values.range?.to}, both days included
        </dd>
        <dt className="font-medium">Chunk size</dt>
        <dd>{values.chunkSize}</dd>
        <dt className="font-medium">Retries per chunk</dt>
        <dd>{String(values.maxRetries ?? "")}</dd>
        {sources.map((source, index) => (
          <div key={index} className="contents">
            <dt className="font-medium">Source {index + 1}</dt>
            <dd className="space-y-1">
              <p>
                {regionName(source.bucketRegion)} · role{" "}
                <span className="font-mono text-xs break-all">{source.roleArn}</span>
              </p>
              <ul className="font-mono text-xs break-all">
                {sourcePrefixes(source).map((p) => (
                  <li key={p.s3Uri}>{p.s3Uri}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <ChunkCount />
      <p className="text-sm">
        Imports start one at a time, on your behalf, and never while another import runs in the same
        account and Region.
      </p>
      <PlanPreflightSlot sources={sources} />
    </div>
  );
}

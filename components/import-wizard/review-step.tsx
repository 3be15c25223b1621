"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { StepChecks, type StartGate } from "@/components/preflight/step-checks";
import { CodeBlock } from "@/components/ui/code-block";
import { buildStartImportCommand } from "@/lib/imports/cli-command";
import { toImportInput, wizardValuesSchema } from "@/lib/imports/wizard-draft";
import { AWS_REGIONS, parseEventDataStoreArn } from "@/lib/schemas/import";
import type { ImportWizardStepId, WizardValues } from "@/lib/schemas/import-wizard";
import type { WizardStore } from "./store-text";

function utcText(instant: string | undefined, none: string): string {
  if (!instant) return none;
  const date = new Date(instant);
  return Number.isNaN(date.getTime())
    ? instant
    : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Step 5: every value with a link back to its step, and the equivalent AWS CLI command.
 * `onRendered(true)` once all of it is on screen (this step loads lazily), `false` when it goes.
 */
export function ReviewStep({
  store,
  onRendered,
  onGate,
}: {
  store: WizardStore | undefined;
  onRendered?: (rendered: boolean) => void;
  /** What every check says about starting (see StepChecks). */
  onGate?: (gate: StartGate) => void;
}) {
  const { control } = useFormContext<WizardValues>();
  useEffect(() => {
    onRendered?.(true);
    return () => onRendered?.(false);
  }, [onRendered]);
  const input = toImportInput(wizardValuesSchema.parse(useWatch({ control })));
  const region = parseEventDataStoreArn(input.destination)?.region ?? "<region>";
  const regionName = AWS_REGIONS.find((r) => r.code === input.bucketRegion)?.name;
  const rows: { label: string; value: string; step: ImportWizardStepId; mono?: boolean }[] = [
    {
      label: "Destination",
      value: store?.name ? `${store.name} (${region})` : region,
      step: "destination",
    },
    { label: "Destination ARN", value: input.destination, step: "destination", mono: true },
    { label: "S3 URI", value: input.s3Uri, step: "source", mono: true },
    {
      label: "Bucket Region",
      value: regionName ? `${regionName} (${input.bucketRegion})` : input.bucketRegion,
      step: "source",
    },
    { label: "S3 access role", value: input.roleArn, step: "role", mono: true },
    {
      label: "Start",
      value: utcText(input.startTime, "None (from the oldest log file)"),
      step: "dates",
    },
    {
      label: "End",
      value: utcText(input.endTime, "None (up to the newest log file)"),
      step: "dates",
    },
  ];
  const command = buildStartImportCommand({
    region,
    ...input,
    ...(input.startTime ? { startTime: new Date(input.startTime).toISOString() } : {}),
    ...(input.endTime ? { endTime: new Date(input.endTime).toISOString() } : {}),
  });

  return (
    <div className="space-y-6">
      <dl className="divide-y rounded-md border">
        {rows.map((row) => (
          <div
            key={row.label}
            className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr_auto] sm:items-baseline sm:gap-4"
          >
            <dt className="text-muted-foreground text-sm font-medium">{row.label}</dt>
            <dd className={row.mono ? "font-mono text-sm break-all" : "text-sm"}>{row.value}</dd>
            <dd className="text-sm">
              <Link
                href={`?step=${row.step}`}
                scroll={false}
                className="text-primary underline-offset-4 hover:underline"
              >
                Edit<span className="sr-only"> {row.label.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <StepChecks step="review" onGate={onGate} />
      <section aria-labelledby="cli-heading" className="space-y-2">
        <h3 id="cli-heading" className="font-medium">
          Equivalent AWS CLI command
        </h3>
        <p className="text-muted-foreground text-sm">
          The same request, for scripts or a change review. Run it with your own AWS credentials.
        </p>
        <CodeBlock code={command} label="AWS CLI start-import command" />
      </section>
    </div>
  );
}

import { CircleCheckIcon, CircleHelpIcon, CircleXIcon, TriangleAlertIcon } from "lucide-react";
import type { ComponentType, SVGProps } from "react";

import { CodeBlock } from "@/components/ui/code-block";
import { cn } from "@/lib/utils";
import {
  CHECK_STATUS_LABELS,
  type CheckResult,
  type CheckStatus,
  type PreflightSummary,
} from "@/lib/schemas/preflight";

const STATUS_STYLE: Record<
  CheckStatus,
  { Icon: ComponentType<SVGProps<SVGSVGElement>>; className: string }
> = {
  pass: { Icon: CircleCheckIcon, className: "text-success" },
  warning: { Icon: TriangleAlertIcon, className: "text-warning" },
  failure: { Icon: CircleXIcon, className: "text-destructive" },
  "not-checked": { Icon: CircleHelpIcon, className: "text-muted-foreground" },
};

/** The status as an icon and a word; the word carries the meaning, the colour only repeats it. */
function StatusLabel({ status }: { status: CheckStatus }) {
  const { Icon, className } = STATUS_STYLE[status];
  return (
    <span
      className={cn("inline-flex shrink-0 items-center gap-1.5 text-sm font-medium", className)}
    >
      <Icon aria-hidden className="size-4" />
      {CHECK_STATUS_LABELS[status]}
    </span>
  );
}

function CheckItem({ check, headingLevel }: { check: CheckResult; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const headingId = `preflight-${check.id}`;
  return (
    <li
      aria-labelledby={headingId}
      data-status={check.status}
      className="flex flex-col gap-2 border-b py-4 last:border-b-0"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={headingId} className="font-semibold">
          {check.title}
          <span className="sr-only">: {CHECK_STATUS_LABELS[check.status]}</span>
        </Heading>
        <span aria-hidden>
          <StatusLabel status={check.status} />
        </span>
      </div>
      <p className="text-sm">{check.sentence}</p>
      {check.fix ? (
        <div className="flex flex-col gap-2">
          <p className="text-muted-foreground text-sm">
            <span className="text-foreground font-medium">Fix: </span>
            {check.fix.text}
          </p>
          {check.fix.copyable ? (
            <CodeBlock
              code={check.fix.copyable.code}
              label={check.fix.copyable.label}
              className="max-h-72 text-xs"
            />
          ) : null}
        </div>
      ) : null}
      {check.details.length > 0 ? (
        <details className="text-sm">
          <summary className="text-muted-foreground hover:text-foreground cursor-pointer">
            Details
          </summary>
          <dl className="mt-2 grid grid-cols-[minmax(0,auto)_1fr] gap-x-4 gap-y-1">
            {check.details.map((detail, index) => (
              <div key={`${detail.label}-${index}`} className="contents">
                <dt className="text-muted-foreground break-all">{detail.label}</dt>
                <dd className="break-words">{detail.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </li>
  );
}

type PreflightChecklistProps = {
  checks: readonly CheckResult[];
  summary: PreflightSummary;
  /** Level of the checklist's own heading; each check's heading is one level below. */
  headingLevel?: 2 | 3;
  className?: string;
};

/**
 * The preflight's checks as a list: each with a heading, its status in words, what was found,
 * the fix (with a copyable policy or command) and the raw details behind a disclosure.
 * Presentational and server-renderable; the copy buttons are the only client islands.
 */
export function PreflightChecklist({
  checks,
  summary,
  headingLevel = 2,
  className,
}: PreflightChecklistProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="preflight-heading" className={cn("flex flex-col gap-2", className)}>
      <Heading id="preflight-heading" className="text-lg font-semibold">
        Preflight checks
      </Heading>
      <p data-verdict={summary.verdict} className="text-sm">
        {summary.sentence}
      </p>
      <ul className="flex flex-col">
        {checks.map((check) => (
          <CheckItem key={check.id} check={check} headingLevel={headingLevel === 2 ? 3 : 4} />
        ))}
      </ul>
    </section>
  );
}

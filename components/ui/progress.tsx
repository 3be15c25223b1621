"use client";

import { Progress as ProgressPrimitive } from "radix-ui";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * Makes a value safe for Radix Progress, which logs an error and drops the value when it is
 * outside `0..max`: out-of-range values are clamped, unknown ones (missing or NaN) become `null`
 * (indeterminate), and a `max` that is not a positive number falls back to 100.
 */
export function clampProgress(
  value: number | null | undefined,
  max?: number,
): { value: number | null; max: number } {
  const safeMax = max !== undefined && Number.isFinite(max) && max > 0 ? max : 100;
  if (value === null || value === undefined || Number.isNaN(value)) {
    return { value: null, max: safeMax };
  }
  return { value: Math.min(Math.max(value, 0), safeMax), max: safeMax };
}

type ProgressProps = Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value" | "max"> & {
  /** Accessible name, for example "Import progress". */
  label: string;
  /** Leave out (or pass `null`) while the total is unknown. */
  value?: number | null;
  max?: number;
};

/** A `progressbar` with `aria-valuenow`/`aria-valuemax`; indeterminate while `value` is null. */
export function Progress({ className, label, value, max, ...props }: ProgressProps) {
  const safe = clampProgress(value, max);
  const percent = safe.value === null ? null : (safe.value / safe.max) * 100;
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      aria-label={label}
      value={safe.value}
      max={safe.max}
      className={cn("bg-primary/20 relative h-2 w-full overflow-hidden rounded-full", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "bg-primary h-full w-full flex-1 transition-transform motion-reduce:transition-none",
          percent === null && "animate-pulse motion-reduce:animate-none",
        )}
        style={{ transform: `translateX(-${100 - (percent ?? 100)}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

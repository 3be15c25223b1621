"use client";

import { Progress as ProgressPrimitive } from "radix-ui";
import { type VariantProps, cva } from "class-variance-authority";
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

const progressVariants = cva("relative h-2 w-full overflow-hidden rounded-full", {
  variants: {
    tone: {
      default: "bg-primary/20 *:data-[slot=progress-indicator]:bg-primary",
      success: "bg-success/20 *:data-[slot=progress-indicator]:bg-success",
      destructive: "bg-destructive/20 *:data-[slot=progress-indicator]:bg-destructive",
      warning: "bg-warning/20 *:data-[slot=progress-indicator]:bg-warning",
    },
  },
  defaultVariants: { tone: "default" },
});

type ProgressProps = Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value" | "max"> &
  VariantProps<typeof progressVariants> & {
    /** Accessible name, for example "Import progress". */
    label: string;
    /** Leave out (or pass `null`) while the total is unknown. */
    value?: number | null;
    max?: number;
  };

/**
 * A `progressbar` with `aria-valuenow`/`aria-valuemax`. While `value` is null (indeterminate) a
 * short segment travels along the track: a full bar, even a pulsing one, reads as done.
 */
export function Progress({ className, label, value, max, tone, ...props }: ProgressProps) {
  const safe = clampProgress(value, max);
  const percent = safe.value === null ? null : (safe.value / safe.max) * 100;
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      aria-label={label}
      value={safe.value}
      max={safe.max}
      className={cn(progressVariants({ tone }), className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "h-full flex-1",
          percent === null
            ? "animate-progress-indeterminate w-1/3 motion-reduce:hidden"
            : "w-full transition-transform motion-reduce:transition-none",
        )}
        style={percent === null ? undefined : { transform: `translateX(-${100 - percent}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

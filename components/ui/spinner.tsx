import { LoaderCircleIcon } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

type SpinnerProps = ComponentProps<"svg"> & {
  /** What is loading, read by screen readers. Ignored when the spinner is `aria-hidden`. */
  label?: string;
};

/**
 * An animated loading indicator. On its own it is a `status` with an accessible name; pass
 * `aria-hidden` when a surrounding element (for example a busy button) already conveys the state.
 */
export function Spinner({ label = "Loading", className, ...props }: SpinnerProps) {
  const hidden = props["aria-hidden"] === true || props["aria-hidden"] === "true";
  return (
    <LoaderCircleIcon
      data-slot="spinner"
      role={hidden ? undefined : "status"}
      aria-label={hidden ? undefined : label}
      className={cn("size-4 shrink-0 animate-spin", className)}
      {...props}
    />
  );
}

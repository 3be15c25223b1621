import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * A placeholder block shown while content loads. Hidden from assistive technology: announce the
 * loading state once (for example with a `Spinner` or a status message), not per block.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden
      className={cn("bg-accent animate-pulse rounded-md motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
